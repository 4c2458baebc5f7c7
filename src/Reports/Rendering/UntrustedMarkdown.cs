using System.Text;

namespace Reports.Rendering;

/// <summary>
/// How text from GitLab and Linear is written into a report's Markdown, for the HTML site or, with
/// <c>hugo</c>, for the Hugo export: shown as written, with nothing in it that runs. Behind the
/// <c>md.*</c> template functions (<see cref="MarkdownFunctions"/>, <see cref="HugoMarkdownFunctions"/>).
/// </summary>
/// <remarks>
/// Everywhere: raw HTML shows as text, links go only to http, https and mailto (relative ones resolved
/// against the merge request's page, or text without one), images become links, and bidirectional
/// controls show as <c>&lt;U+202E&gt;</c>. For Hugo also: no shortcode can form (<see cref="HugoShortcodes"/>).
/// </remarks>
internal static class UntrustedMarkdown
{
    /// <summary>One line of plain text: Markdown and HTML syntax escaped, line breaks folded.</summary>
    public static string Text(string? text, bool hugo) =>
        string.IsNullOrEmpty(text) ? "" : Escape(text.ReplaceLineEndings(" "), hugo, reveal: true);

    /// <summary>One line as text: what Markdown (and, for Hugo, a shortcode) would read escaped (<see cref="TextEscaper"/>); bidi controls shown when <paramref name="reveal"/>.</summary>
    internal static string Escape(string line, bool hugo, bool reveal) => TextEscaper.Escape(reveal ? BidiControls.Reveal(line) : line, hugo);

    /// <summary>Multi-line Markdown written by someone else (a review comment), kept as Markdown.</summary>
    /// <param name="baseUrl">The merge request's <c>web_url</c>, which relative links resolve against; without one they become text.</param>
    public static string Block(string? markdown, string? baseUrl, bool hugo)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        // Trimmed again: a link definition taken out may leave a blank line at either end.
        return MarkdownRewriter.Remote(markdown.ReplaceLineEndings("\n").Trim('\n'), baseUrl, hugo).Trim('\n');
    }

    /// <summary>One line of Markdown written by someone else (a finding's title): as <see cref="Block"/>, with nothing that could start a block.</summary>
    public static string Inline(string? markdown, string? baseUrl, bool hugo) =>
        NoBlockStart(Block(markdown?.ReplaceLineEndings(" ").Trim(), baseUrl, hugo));

    /// <summary>
    /// The student's notes for the Hugo export, which drops raw HTML: raw HTML shown as text and links
    /// to other schemes than http, https and mailto as their text; everything else as the student wrote it.
    /// </summary>
    public static string Notes(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : MarkdownRewriter.Notes(markdown.ReplaceLineEndings("\n").Trim('\n')).Trim('\n');

    /// <summary>A notes heading for the Hugo export: as <see cref="Notes"/>, on one line that starts no block.</summary>
    public static string NotesInline(string? markdown) => NoBlockStart(Notes(markdown?.ReplaceLineEndings(" ").Trim()));

    /// <summary>An inline code span (a file path, a branch) that no backtick inside can end early.</summary>
    public static string CodeSpan(string? text, bool hugo)
    {
        text = Code(BidiControls.Reveal((text ?? "").ReplaceLineEndings(" ")), hugo);
        var ticks = new string('`', LongestRun(text, '`') + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{ticks}{pad}{text}{pad}{ticks}";
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run inside the code.</summary>
    public static string CodeBlock(string? code, string? language, bool hugo)
    {
        code = Code(BidiControls.Reveal((code ?? "").ReplaceLineEndings("\n").TrimEnd('\n')), hugo);
        var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
        var info = new string((language ?? "").TakeWhile(c => !char.IsWhiteSpace(c)).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '+' or '#' or '.' or '_').ToArray());
        return $"{fence}{info}\n{code}\n{fence}";
    }

    /// <summary>Code as it is shown: for Hugo, with no shortcode in it.</summary>
    internal static string Code(string code, bool hugo) => hugo ? HugoShortcodes.InCode(code) : code;

    private static string NoBlockStart(string text) =>
        text.Length > 0 && (text[0] is '#' or '>' or '-' or '+' or '=' or '|' || char.IsAsciiDigit(text[0]))
            ? "\\" + text
            : text;

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
