using System.Globalization;
using System.Text;

namespace Reports.Notify;

/// <summary>
/// Untrusted text (a Linear ticket's title or state) put into a GitLab note so that it shows as
/// written and does nothing else: no Markdown or HTML, no broken table cell, and no GitLab
/// reference that links or notifies (<c>@user</c>, <c>#12</c>, <c>!3</c>, <c>~label</c>, URLs).
/// </summary>
/// <remarks>
/// Every ASCII punctuation character is backslash-escaped: CommonMark shows it literally, a GFM
/// table keeps an escaped <c>|</c> inside its cell, and GitLab (14.0 and later,
/// <c>Banzai::Filter::MarkdownPreEscapeFilter</c>) turns an escaped <c>$ % # &amp; @ ! ~ ^</c>
/// into a literal its reference filters skip. Escaping cannot stop GitLab's autolinker, which reads
/// the rendered text, and older GitLab versions ignore the escape, so a word joiner (U+2060, which
/// shows as nothing) also goes after each of <c>@ # ! ~ % $ &amp; ^</c> (no reference pattern matches
/// the rendered text, and no e-mail address forms), between <c>:</c> and <c>//</c>, and before the
/// dot of <c>www.</c>.
/// </remarks>
internal static class GitLabMarkdown
{
    /// <summary>U+2060 WORD JOINER: no width, no line break, not part of any GitLab reference pattern.</summary>
    public const char WordJoiner = '\u2060';

    /// <summary>Characters that start a GitLab reference: user, issue, merge request, label, milestone, snippet, epic, footnote.</summary>
    private const string ReferenceSigils = "@#!~%$&^";

    /// <summary>One line of plain text for a table cell, at most <paramref name="maxLength"/> characters of it (then "…").</summary>
    public static string Text(string? text, int maxLength = 1000)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var plain = Fold(text);
        if (maxLength > 0 && plain.Length > maxLength)
        {
            var cut = char.IsHighSurrogate(plain[maxLength - 1]) ? maxLength - 1 : maxLength;
            plain = plain[..cut].TrimEnd() + "…";
        }

        var builder = new StringBuilder(plain.Length + 16);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (c == '.' && i >= 3 && plain.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))
            {
                builder.Append(WordJoiner);
            }

            if (char.IsAsciiLetterOrDigit(c) || c is < '!' or > '~')
            {
                builder.Append(c);
                continue;
            }

            builder.Append('\\').Append(c);
            if (ReferenceSigils.Contains(c) || (c == ':' && i + 1 < plain.Length && plain[i + 1] == '/'))
            {
                builder.Append(WordJoiner);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A link destination inside a table cell: only absolute http(s) URLs pass (anything else is
    /// <c>#</c>), and every character that could end the link or the cell is percent-encoded.
    /// </summary>
    public static string Url(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "#";
        }

        var builder = new StringBuilder(url!.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(url.Trim()))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~:/?#@!$&'*+,;=%".Contains(c)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Line breaks, tabs and other control characters become single spaces; the ends are trimmed.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
            if (!space)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }
}
