using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reports.Http;

/// <summary>
/// Turns whatever an API (or a proxy in front of it) sent with an error into one short line:
/// GitLab's <c>message</c> or <c>error</c>/<c>error_description</c>, GraphQL's <c>errors[].message</c>,
/// plain text, or an HTML page's title.
/// </summary>
internal static partial class ErrorBody
{
    private const int MaxLength = 300;

    /// <summary>The body as text, or null when it cannot be read (the connection broke).</summary>
    public static async Task<string?> TextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken ct) =>
        Read(response.Content.Headers.ContentType?.MediaType, await TextAsync(response, ct));

    public static string? Read(string? mediaType, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (FromJson(doc.RootElement) is { } message)
                {
                    return Shorten(message);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to plain text.
            }
        }

        if (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || trimmed.StartsWith('<'))
        {
            var title = TitleRegex().Match(body);
            var text = title.Success ? title.Groups[1].Value : TagRegex().Replace(body, " ");
            return Shorten(WebUtility.HtmlDecode(text));
        }

        return Shorten(body);
    }

    private static string? FromJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("message", out var message))
            {
                return Flatten(message);
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? Flatten(m) : Flatten(e))
                    .Where(m => !string.IsNullOrEmpty(m)));
            }

            var error = root.TryGetProperty("error", out var e) ? Flatten(e) : null;
            var description = root.TryGetProperty("error_description", out var d) ? Flatten(d) : null;
            return (error, description) switch
            {
                (null, null) => null,
                (null, _) => description,
                (_, null) => error,
                _ => $"{error}: {description}",
            };
        }

        return Flatten(root);
    }

    /// <summary>Strings as they are, arrays joined, objects as "field: err, err; field: err" like GitLab's validation errors.</summary>
    private static string? Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(Flatten).Where(s => !string.IsNullOrEmpty(s))),
        JsonValueKind.Object => string.Join("; ", element.EnumerateObject().Select(p => $"{p.Name}: {Flatten(p.Value)}")),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };

    private static string? Shorten(string text)
    {
        var line = WhitespaceRegex().Replace(text, " ").Trim();
        if (line.Length == 0)
        {
            return null;
        }

        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
