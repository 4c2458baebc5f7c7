using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reports.Linear;

/// <summary>Reads a small connection (<c>labels { nodes { … } }</c>) as the plain list of its nodes.</summary>
internal sealed class NodesConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? [] : JsonSerializer.Deserialize<LinearPage<T>>(ref reader, options)?.Nodes ?? [];

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new LinearPage<T> { Nodes = value }, options);
}
