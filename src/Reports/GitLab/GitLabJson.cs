using System.Text.Json;
using Reports.Http;

namespace Reports.GitLab;

/// <summary>Serializer settings for GitLab's snake_case JSON, built once.</summary>
internal static class GitLabJson
{
    public static JsonSerializerOptions Options { get; } = RemoteJson.Create(JsonNamingPolicy.SnakeCaseLower);
}
