using System.Globalization;
using System.Text;

namespace Reports.Rendering;

/// <summary>
/// Where a link in text from GitLab or Linear may go: to an <c>http</c>, <c>https</c> or <c>mailto</c>
/// URL (the scheme in any letter case), or, when relative, to where it pointed on GitLab. A relative
/// link in a review comment is relative to the merge request's page, not to the report's site.
/// </summary>
internal static class RemoteLinks
{
    /// <summary>
    /// The absolute URL <paramref name="url"/> leads to, or null when it should be shown as text: a
    /// scheme other than http, https or mailto, or a relative URL without an http(s) <paramref name="baseUrl"/>.
    /// </summary>
    /// <param name="baseUrl">
    /// The merge request's <c>web_url</c>: a relative URL resolves against it as GitLab's page would, but
    /// for <c>/uploads/…</c>, which GitLab serves from the project (the <c>web_url</c> up to <c>/-/</c>).
    /// </param>
    public static string? Resolve(string? url, string? baseUrl)
    {
        var normalized = HtmlPolicy.Normalize(url ?? "");
        if (HtmlPolicy.SchemeOf(normalized) is { } scheme)
        {
            return HtmlPolicy.AllowedSchemes.Contains(scheme) ? normalized : null;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || (root.Scheme != Uri.UriSchemeHttps && root.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        if (normalized.StartsWith("/uploads/", StringComparison.Ordinal) && ProjectOf(root.AbsoluteUri) is { } project)
        {
            return project + normalized;
        }

        return Uri.TryCreate(root, normalized, out var resolved) && (resolved.Scheme == Uri.UriSchemeHttps || resolved.Scheme == Uri.UriSchemeHttp)
            ? resolved.AbsoluteUri
            : null;
    }

    /// <summary>
    /// <paramref name="url"/> as a Markdown link destination: what would end it or change it (spaces,
    /// parentheses, angle brackets, quotes, backslashes, a table's <c>|</c>) and what could start a Hugo
    /// shortcode (<c>{</c>) percent-encoded, with control and bidirectional characters; an <c>&amp;</c>
    /// that would read as an entity escaped.
    /// </summary>
    public static string Encode(string url)
    {
        var builder = new StringBuilder(url.Length + 8);
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            switch (c)
            {
                case '(' or ')' or '<' or '>' or '"' or '\\' or '{' or '}' or '|' or '`':
                    builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    break;
                case '&' when LooksLikeEntity(url, i):
                    builder.Append("\\&");
                    break;
                case var _ when char.IsWhiteSpace(c) || char.IsControl(c) || BidiControls.Is(c):
                    foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                    {
                        builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                    }

                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    // GitLab's project URL ends where its pages' "/-/" begins (https://host/group/project/-/merge_requests/7).
    private static string? ProjectOf(string webUrl)
    {
        var path = webUrl.IndexOf("/-/", StringComparison.Ordinal);
        return path > 0 ? webUrl[..path] : null;
    }

    // "&amp;" or "&#x41;": CommonMark would read it as a character, not as the four or six characters.
    private static bool LooksLikeEntity(string text, int at)
    {
        var end = at + 1;
        while (end < text.Length && end - at <= 32 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '#'))
        {
            end++;
        }

        return end > at + 1 && end < text.Length && text[end] == ';';
    }
}
