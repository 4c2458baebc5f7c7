using System.Text;

namespace Reports.Rendering;

/// <summary>
/// Keeps text from GitLab and Linear from forming a Hugo shortcode in the Hugo export. Hugo's page
/// lexer (<c>parser/pageparser</c>) reads a page's content before Markdown does, code included: a
/// shortcode opens wherever the exact bytes <c>{{&lt;</c> or <c>{{%</c> occur, and a shortcode it
/// cannot find, or an opening comment <c>{{&lt;/*</c> without its <c>*/&gt;}}</c>, fails the whole build.
/// </summary>
/// <remarks>
/// In Markdown text every <c>{</c> is written <c>\{</c> (<see cref="UntrustedMarkdown"/> does this), so no
/// <c>{{</c> is left; that also keeps Goldmark from reading a <c>{#id .class}</c> attribute list. In
/// code a backslash would show, so <see cref="InCode"/> writes a complete shortcode in Hugo's own
/// comment form, <c>{{&lt;/* … */&gt;}}</c>, which Hugo prints as <c>{{&lt; … &gt;}}</c>, and puts a
/// zero-width space (U+200B) between the braces and the <c>&lt;</c> or <c>%</c> of one left unclosed,
/// where the comment form would itself fail. <see cref="Neutralise"/> is the last check on everything
/// written for Hugo.
/// </remarks>
internal static class HugoShortcodes
{
    /// <summary>Between <c>{{</c> and <c>&lt;</c> it breaks the lexer's match, and reads as nothing.</summary>
    public const char ZeroWidthSpace = '\u200B';

    /// <summary>Hugo's summary divider: found anywhere, code included, it cuts the page there.</summary>
    private const string SummaryDivider = "<!--more-->";

    /// <summary>Code (a code span's or block's content) that Hugo prints as written and never runs.</summary>
    public static string InCode(string code)
    {
        if (!code.Contains("{{", StringComparison.Ordinal) && !code.Contains(SummaryDivider, StringComparison.Ordinal))
        {
            return code;
        }

        var builder = new StringBuilder(code.Length + 16);
        var i = 0;
        while (i < code.Length)
        {
            var open = NextOpening(code, i);
            if (open < 0)
            {
                builder.Append(code, i, code.Length - i);
                break;
            }

            builder.Append(code, i, open - i);
            var mark = code[open + 2];
            var close = mark == '<' ? ">}}" : "%}}";
            var end = code.IndexOf(close, open + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                builder.Append("{{").Append(ZeroWidthSpace).Append(mark);
                i = open + 3;
                continue;
            }

            // The lexer prints "{{<" and what lies before "*/>}}" as text, dropping the comment marks.
            builder.Append("{{").Append(mark).Append("/*").Append(code, open + 3, end - open - 3).Append("*/").Append(close);
            i = end + close.Length;
        }

        return DivideNothing(builder.ToString());
    }

    /// <summary>
    /// <paramref name="markdown"/> with every opening Hugo would read as a shortcode broken by a
    /// zero-width space, but for comments that Hugo closes (<see cref="InCode"/>'s).
    /// </summary>
    public static string Neutralise(string markdown)
    {
        if (!markdown.Contains("{{", StringComparison.Ordinal) && !markdown.Contains(SummaryDivider, StringComparison.Ordinal))
        {
            return markdown;
        }

        var builder = new StringBuilder(markdown.Length + 8);
        var i = 0;
        while (NextOpening(markdown, i) is var open and >= 0)
        {
            builder.Append(markdown, i, open - i);
            var mark = markdown[open + 2];
            var end = ClosedCommentEnd(markdown, open);
            if (end > 0)
            {
                builder.Append(markdown, open, end - open);
                i = end;
            }
            else
            {
                builder.Append("{{").Append(ZeroWidthSpace).Append(mark);
                i = open + 3;
            }
        }

        builder.Append(markdown, i, markdown.Length - i);
        return DivideNothing(builder.ToString());
    }

    /// <summary>Where the next <c>{{&lt;</c> or <c>{{%</c> from <paramref name="start"/> begins, or -1.</summary>
    private static int NextOpening(string text, int start)
    {
        for (var at = text.IndexOf("{{", start, StringComparison.Ordinal); at >= 0; at = text.IndexOf("{{", at + 1, StringComparison.Ordinal))
        {
            if (at + 2 < text.Length && text[at + 2] is '<' or '%')
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// The end of the comment <c>{{&lt;/* … */&gt;}}</c> opening at <paramref name="open"/> as Hugo's lexer
    /// finds it (the first <c>*/&gt;}}</c>, at least one character after the <c>/*</c>), or -1.
    /// </summary>
    private static int ClosedCommentEnd(string text, int open)
    {
        var comment = open + 3;
        if (string.CompareOrdinal(text, comment, "/*", 0, 2) != 0)
        {
            return -1;
        }

        var close = text[open + 2] == '<' ? "*/>}}" : "*/%}}";
        var end = text.IndexOf(close, comment, StringComparison.Ordinal);
        return end - comment > 1 ? end + close.Length : -1;
    }

    private static string DivideNothing(string text) =>
        text.Replace(SummaryDivider, "<!--" + ZeroWidthSpace + "more-->", StringComparison.Ordinal);
}
