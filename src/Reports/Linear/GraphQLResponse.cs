using System.Text.Json;

namespace Reports.Linear;

/// <summary>A GraphQL answer: <c>data</c> (read by root field later) and <c>errors</c>.</summary>
internal sealed record GraphQLResponse
{
    public JsonElement? Data { get; init; }

    public IReadOnlyList<GraphQLError>? Errors { get; init; }

    /// <summary>The answer read from a success's whole body (bounded by the transport), or null when it is not a JSON object.</summary>
    public static async Task<GraphQLResponse?> TryReadAsync(HttpContent content, CancellationToken ct)
    {
        try
        {
            await using var stream = await content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync<GraphQLResponse>(stream, LinearJson.Options, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The answer in <paramref name="body"/>, or null when it is not a JSON object (a proxy's page, an empty body).</summary>
    public static GraphQLResponse? TryRead(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<GraphQLResponse>(body, LinearJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
