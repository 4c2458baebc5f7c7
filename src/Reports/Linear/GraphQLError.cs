using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reports.Linear;

/// <summary>One entry of a GraphQL <c>errors[]</c> as Linear sends it.</summary>
internal sealed record GraphQLError
{
    public string? Message { get; init; }

    public IReadOnlyList<JsonElement>? Path { get; init; }

    public GraphQLErrorExtensions? Extensions { get; init; }

    /// <summary><c>extensions.code</c>, else Linear's <c>extensions.type</c> upper-cased (<c>ratelimited</c> → <c>RATELIMITED</c>).</summary>
    [JsonIgnore]
    public string? Code => Extensions?.Code ?? Extensions?.Type?.ToUpperInvariant().Replace(' ', '_');

    /// <summary>What Linear would show a person, else the raw message.</summary>
    [JsonIgnore]
    public string Text => Extensions?.UserPresentableMessage ?? Message ?? Code ?? "unknown error";

    /// <summary>The <c>errors</c> of a GraphQL answer body; empty when there are none or the body is not JSON.</summary>
    public static IReadOnlyList<GraphQLError> ReadAll(string? body) => GraphQLResponse.TryRead(body)?.Errors ?? [];
}
