using System.Text.Json;
using Reports.Http;

namespace Reports.Linear;

/// <summary>Serializer settings for Linear's camelCase GraphQL JSON, built once.</summary>
internal static class LinearJson
{
    public static JsonSerializerOptions Options { get; } = RemoteJson.Create(JsonNamingPolicy.CamelCase);
}
