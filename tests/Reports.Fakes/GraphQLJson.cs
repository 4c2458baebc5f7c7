using System.Text.Json;
using GraphQL;

namespace Reports.Fakes;

/// <summary>JSON from the wire as the plain values graphql-dotnet reads: objects as dictionaries, arrays as lists.</summary>
internal static class GraphQLJson
{
    public static Inputs ToInputs(JsonElement? variables) =>
        variables is { ValueKind: JsonValueKind.Object } json && ToValue(json) is Dictionary<string, object?> values
            ? new Inputs(values)
            : Inputs.Empty;

    public static object? ToValue(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value)),
        JsonValueKind.Array => json.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number when json.TryGetInt32(out var i) => i,
        JsonValueKind.Number when json.TryGetInt64(out var l) => l,
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
