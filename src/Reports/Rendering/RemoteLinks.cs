using System.Collections.Frozen;
using System.Globalization;
using System.Net;
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

    /// <summary>
    /// Code from a remote comment as Hugo's export writes it, with a zero-width space (U+200B) before
    /// each URL where a link's destination could begin (<c>](</c>, <c>]:</c>) whose scheme is not http,
    /// https or mailto, and before the scheme of an autolink-shaped <c>&lt;javascript:…&gt;</c> that runs
    /// or reads something. Where Goldmark's blocks differ from Markdig's (a definition inside a list item)
    /// and Hugo reads the code as text after all, the link it finds is relative and runs nothing;
    /// where it is code, the space is not seen.
    /// </summary>
    public static string DefuseInCode(string code)
    {
        if (!code.Contains(':', StringComparison.Ordinal) && !code.Contains('&', StringComparison.Ordinal))
        {
            return code;
        }

        StringBuilder? builder = null;
        var copied = 0;
        for (var i = 0; i + 1 < code.Length; i++)
        {
            var at = code[i] switch
            {
                ']' when code[i + 1] is '(' or ':' => DestinationAt(code, i + 2),
                '<' when SchemeAt(code, i + 1, entities: false) is { } scheme && Runs.Contains(scheme) => i + 1,
                _ => -1,
            };
            // Not a scheme to defuse, or one defused already ("](<javascript:" is both shapes).
            if (at < 0 || (builder is not null && at == copied) || (code[i] == ']' && (SchemeAt(code, at, entities: true) is not { } other || HtmlPolicy.AllowedSchemes.Contains(other))))
            {
                continue;
            }

            builder ??= new StringBuilder(code.Length + 8);
            builder.Append(code, copied, at - copied).Append(HugoShortcodes.ZeroWidthSpace);
            copied = at;
        }

        return builder is null ? code : builder.Append(code, copied, code.Length - copied).ToString();
    }

    // Schemes a browser runs or reads a file or data from; other autolink shapes in code (<std::string>) are left alone.
    private static readonly FrozenSet<string> Runs = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "javascript", "vbscript", "livescript", "data", "file");

    /// <summary>Where a destination after <c>](</c> or <c>]:</c> at <paramref name="start"/> begins: past spaces, one line break and a <c>&lt;</c>.</summary>
    private static int DestinationAt(string code, int start)
    {
        var at = start;
        var breaks = 0;
        while (at < code.Length && (code[at] is ' ' or '\t' || (code[at] == '\n' && ++breaks <= 1)))
        {
            at++;
        }

        return at < code.Length && code[at] == '<' ? at + 1 : at;
    }

    /// <summary>
    /// The scheme of a URL beginning at <paramref name="start"/> as a browser reads it (tabs dropped and,
    /// with <paramref name="entities"/>, character references and backslash escapes read as Markdown
    /// reads them), or null when no colon ends a run of scheme characters there.
    /// </summary>
    private static string? SchemeAt(string code, int start, bool entities)
    {
        var scheme = new StringBuilder();
        for (var i = start; i < code.Length && scheme.Length <= 32;)
        {
            var c = code[i];
            var width = 1;
            if (entities && c == '&' && code.IndexOf(';', i) is var semicolon and > 0 && semicolon - i <= 10)
            {
                var decoded = WebUtility.HtmlDecode(code[i..(semicolon + 1)]);
                if (decoded.Length == 1)
                {
                    c = decoded[0];
                    width = semicolon + 1 - i;
                }
            }
            else if (entities && c == '\\' && i + 1 < code.Length && char.IsAsciiLetterOrDigit(code[i + 1]) is false && code[i + 1] < 128)
            {
                c = code[i + 1];
                width = 2;
            }

            if (c == ':')
            {
                return scheme.Length > 0 && char.IsAsciiLetter(scheme[0]) ? scheme.ToString() : null;
            }

            if (c != '\t' && !char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return null;
            }

            if (c != '\t')
            {
                scheme.Append(c);
            }

            i += width;
        }

        return null;
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
