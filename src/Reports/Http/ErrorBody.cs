using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reports.Http;

/// <summary>
/// Turns whatever an API (or a proxy in front of it) sent with an error into one short line:
/// GitLab's <c>message</c> or <c>error</c>/<c>error_description</c>, GraphQL's <c>errors[].message</c>,
/// plain text, or an HTML page's title. Only the body's first <see cref="MaxBytes"/> are ever read.
/// </summary>
internal static partial class ErrorBody
{
    /// <summary>How much of an error answer is read: its message is shortened to 300 characters anyway.</summary>
    public const int MaxBytes = 64 * 1024;

    private const int MaxLength = 300;

    /// <summary>
    /// The first <see cref="MaxBytes"/> of the body as text (a broken last character is dropped), or
    /// null when it cannot be read (the connection broke). A body the transport buffered can be read again.
    /// </summary>
    public static async Task<string?> TextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var stream = response.Content is BufferedBody body ? body.OpenRead() : await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[MaxBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
            }

            return Encoding(response.Content.Headers.ContentType?.CharSet).GetString(buffer, 0, length).TrimStart('\uFEFF').TrimEnd('\uFFFD');
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
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

    /// <summary>The charset the server named, else UTF-8 (what GitLab and Linear send).</summary>
    private static Encoding Encoding(string? charset)
    {
        try
        {
            return string.IsNullOrWhiteSpace(charset) ? System.Text.Encoding.UTF8 : System.Text.Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return System.Text.Encoding.UTF8;
        }
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
