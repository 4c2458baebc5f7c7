using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Reports.Rendering;

/// <summary>
/// Template functions (<c>md.text</c>, <c>md.inline</c>, <c>md.block</c>, <c>md.code</c>, <c>md.url</c>) that put
/// untrusted text from GitLab and Linear into Markdown so it reads as written and never as HTML.
/// </summary>
public static class MarkdownFunctions
{
    /// <summary>One line of plain text: Markdown and HTML syntax escaped, line breaks folded.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if ("\\`*_[]<>|~&$^=#".Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        // A leading "1." "-" or "+" would start a list where the text opens a line or table cell.
        if (builder.Length > 0 && (builder[0] is '-' or '+' || char.IsAsciiDigit(builder[0])))
        {
            var end = 0;
            while (end < builder.Length && char.IsAsciiDigit(builder[end]))
            {
                end++;
            }

            if (end < builder.Length && builder[end] is '.' or ')' or '-' or '+')
            {
                builder.Insert(end, '\\');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// One line of Markdown written by someone else (a finding's title): emphasis and code spans
    /// kept, raw HTML shown as text, line breaks folded, and nothing that could start a block.
    /// </summary>
    public static string Inline(string? markdown)
    {
        var text = Block(markdown?.ReplaceLineEndings(" ").Trim());
        return text.Length > 0 && (text[0] is '#' or '>' or '-' or '+' or '=' or '|' || char.IsAsciiDigit(text[0]))
            ? "\\" + text
            : text;
    }

    /// <summary>
    /// <paramref name="markdown"/> moved under a list item whose marker is <paramref name="width"/>
    /// characters wide ("10. " is 4), so every line stays inside the item however many items there are.
    /// Blank lines stay empty; a non-empty result ends with a blank line.
    /// </summary>
    public static string Indent(string? markdown, int width)
    {
        var text = (markdown ?? "").TrimEnd('\n');
        if (text.Length == 0)
        {
            return "";
        }

        // The blank line after the item's last block separates it from what follows.
        var pad = new string(' ', Math.Clamp(width, 0, 16));
        return string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : pad + line)) + "\n";
    }

    /// <summary>
    /// Multi-line Markdown written by someone else (a review comment): kept as Markdown, but any raw
    /// HTML in it is escaped so it shows as text.
    /// </summary>
    public static string Block(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var text = markdown.ReplaceLineEndings("\n").Trim('\n');

        // Raw HTML, inline or block, always opens with '<': without one there is nothing to escape.
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        var document = Markdown.Parse(text, MarkdownSyntax.Pipeline);
        var spans = document.Descendants()
            .Where(node => node is HtmlBlock or HtmlInline)
            .Select(node => node.Span)
            .Where(span => !span.IsEmpty)
            .OrderBy(span => span.Start)
            .ToList();
        if (spans.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var next = 0;
        foreach (var span in spans)
        {
            if (span.Start < next)
            {
                continue;
            }

            builder.Append(text, next, span.Start - next);
            builder.Append(text.AsSpan(span.Start, span.Length).ToString().Replace("&", "&amp;").Replace("<", "&lt;"));
            next = span.End + 1;
        }

        builder.Append(text, next, text.Length - next);
        return builder.ToString();
    }

    /// <summary>
    /// A link destination: only absolute http(s) URLs pass (anything else becomes <c>#</c>), with
    /// the characters that would end a Markdown link percent-encoded.
    /// </summary>
    public static string Url(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "#";
        }

        var builder = new StringBuilder(url!.Length);
        foreach (var c in url.Trim())
        {
            builder.Append(c switch
            {
                ' ' => "%20",
                '(' => "%28",
                ')' => "%29",
                '<' => "%3C",
                '>' => "%3E",
                '"' => "%22",
                '\\' => "%5C",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>An inline code span (a file path, a branch) that no backtick inside can end early.</summary>
    public static string CodeSpan(string? text)
    {
        text = (text ?? "").ReplaceLineEndings(" ");
        var ticks = new string('`', LongestRun(text, '`') + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{ticks}{pad}{text}{pad}{ticks}";
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run inside the code.</summary>
    public static string Code(string? code, string? language = null)
    {
        code = (code ?? "").ReplaceLineEndings("\n").TrimEnd('\n');
        var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
        var info = new string((language ?? "").TakeWhile(c => !char.IsWhiteSpace(c)).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '+' or '#' or '.' or '_').ToArray());
        return $"{fence}{info}\n{code}\n{fence}";
    }

    private static int LongestRun(string text, char c)
    {
        var longest = 0;
        var run = 0;
        foreach (var x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
