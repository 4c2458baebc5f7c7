using System.Text;

namespace Reports.Rendering;

/// <summary>
/// One line of plain text made Markdown that reads back as exactly that text, with a backslash only
/// before what Markdown would otherwise read: a <c>&lt;</c> that could open a tag, brackets that could
/// make a link, a run of <c>*</c> or <c>_</c> that could open or close emphasis, a <c>#</c> or <c>-</c>
/// that could start a block. <c>[Sprint 2, Week 1]</c>, <c>a &lt; b</c>, <c>src=x</c> and <c>snake_case</c>
/// stay as written, so <c>report.md</c> reads as the student would write it.
/// </summary>
/// <remarks>
/// The text may land anywhere on a line the templates write: in a heading, a table cell, link text, after a
/// list marker, between other text. So what it does at its edges is not known, and there it escapes as if
/// the worst came next: an emphasis run at either end, a <c>&lt;</c> or <c>\</c> at the end, a bracket pair
/// that is the whole text (<c>[x]</c> then <c>: y</c> would be a link definition). The syntax covered is
/// CommonMark with the extensions of the site's Markdig pipeline and of Hugo's Goldmark: pipe tables,
/// strikethrough, sub- and superscript, inserted and marked text, <c>$math$</c>, entities, <c>{…}</c>
/// attributes and, for Hugo, shortcodes: every <c>{</c> and <c>$</c> is escaped (a <c>{</c> on the site as
/// <c>&amp;#123;</c>, since Markdig reads a heading's attributes through a backslash).
/// </remarks>
internal static class TextEscaper
{
    // Delimiter runs that emphasis and its extensions read: a run that is not between two spaces may open or close one.
    private const string Delimiters = "*_~^";

    // Markdig's ordered lists by letter or roman numeral (ListExtras): "a." or "iv)" where a line starts.
    private const string RomanDigits = "ivxlcdmIVXLCDM";

    public static string Escape(string line, bool hugo)
    {
        var escape = new bool[line.Length];
        MarkBrackets(line, escape);
        var first = 0;
        while (first < line.Length && line[first] is ' ' or '\t')
        {
            first++;
        }

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var next = i + 1 < line.Length ? line[i + 1] : '\0';
            switch (c)
            {
                case '\\':
                    // A backslash escapes only ASCII punctuation; at the end, what the template writes next.
                    escape[i] = next == '\0' || IsAsciiPunctuation(next);
                    break;
                case '`' or '|':
                    // A code span may pair with any backtick of the line; a pipe splits a table row.
                    escape[i] = true;
                    break;
                case '<':
                    // A tag, comment, declaration or autolink opens with '<' and a letter, '/', '!' or '?'.
                    escape[i] = next == '\0' || char.IsAsciiLetter(next) || next is '/' or '!' or '?';
                    break;
                case '&':
                    // An entity: "&amp;", "&#60;" (an '&' among words, "R&D", is text).
                    escape[i] = IsEntity(line, i);
                    break;
                case '{' or '$':
                    // Hugo reads every "{{<" as a shortcode, Markdig "{…}" as attributes (with the next value's '}'
                    // as much as its own, and in a heading escaped or not) and "$ … $" as math, spaces or not.
                    escape[i] = true;
                    break;
                case '#' when i == first || (i > 0 && line[i - 1] is ' ' or '\t' && line.AsSpan(i).TrimStart('#').IsEmpty):
                    // A heading where the line starts; the closing sequence of one at its end ("C#" is text).
                    escape[i] = true;
                    break;
                case '>' or '-' or '+' or '=' or ':' or '*' or '_' or '~' or '^' when i == first:
                    // A quote, list, thematic break, setext underline, fence or definition where the line starts.
                    escape[i] = true;
                    break;
            }

            if (Delimiters.Contains(c) || c is '=' or '+' or '"' or ':')
            {
                i = MarkRun(line, i, escape) - 1;
            }
        }

        // "1.", "2)", "a." or "iv)" where the line starts is an ordered list.
        var marker = first;
        while (marker < line.Length && char.IsAsciiDigit(line[marker]))
        {
            marker++;
        }

        if (marker == first)
        {
            while (marker < line.Length && char.IsAsciiLetter(line[marker]) && (marker == first || RomanDigits.Contains(line[marker])))
            {
                marker++;
            }

            marker = marker - first == 1 || line.AsSpan(first, marker - first).IndexOfAnyExcept(RomanDigits) < 0 ? marker : first;
        }

        if (marker > first && marker < line.Length && line[marker] is '.' or ')')
        {
            escape[marker] = true;
        }

        var builder = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            if (escape[i] && line[i] == '{' && !hugo)
            {
                // Markdig's heading attributes ignore a backslash; an entity is no brace to them.
                builder.Append("&#123;");
                continue;
            }

            if (escape[i])
            {
                builder.Append('\\');
            }

            builder.Append(line[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Marks the run of <c>line[start]</c> for escaping when it could open or close emphasis: a <c>*</c> or
    /// <c>_</c> run unless spaces stand on both sides (or, for <c>_</c>, letters or digits: <c>snake_case</c>),
    /// since the templates write <c>*</c> and <c>**</c> around text. The extensions' delimiters, which no
    /// template writes, only where they could open one (not before a space): <c>~</c> and <c>^</c>,
    /// and <c>==</c>, <c>++</c>, <c>""</c> and <c>::</c> (marked and inserted text, Markdig's citations and
    /// inline containers take two: <c>src=x</c> is text).
    /// </summary>
    /// <returns>The index after the run.</returns>
    private static int MarkRun(string line, int start, bool[] escape)
    {
        var c = line[start];
        var end = start;
        while (end < line.Length && line[end] == c)
        {
            end++;
        }

        var before = start > 0 ? line[start - 1] : '\0';
        var after = end < line.Length ? line[end] : '\0';
        var edge = before == '\0' || after == '\0';
        var spaced = !edge && char.IsWhiteSpace(before) && char.IsWhiteSpace(after);
        var inWord = !edge && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after);
        var opens = after == '\0' || !char.IsWhiteSpace(after);
        var forms = c switch
        {
            '*' => !spaced,
            '_' => !spaced && !inWord,
            '=' or '+' or '"' or ':' => end - start >= 2 && opens,
            _ => opens,
        };
        if (forms)
        {
            for (var i = start; i < end; i++)
            {
                escape[i] = true;
            }
        }

        return end;
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    /// <summary>Whether an entity reference starts at <paramref name="at"/>: <c>&amp;name;</c>, <c>&amp;#60;</c> or <c>&amp;#x3C;</c>.</summary>
    private static bool IsEntity(string line, int at)
    {
        var i = at + 1;
        var numeric = i < line.Length && line[i] == '#';
        var hex = numeric && i + 1 < line.Length && line[i + 1] is 'x' or 'X';
        i += numeric ? (hex ? 2 : 1) : 0;
        var start = i;
        while (i < line.Length && (hex ? char.IsAsciiHexDigit(line[i]) : numeric ? char.IsAsciiDigit(line[i]) : char.IsAsciiLetterOrDigit(line[i])))
        {
            i++;
        }

        return i > start && i < line.Length && line[i] == ';' && (numeric || char.IsAsciiLetter(line[start]));
    }

    /// <summary>
    /// Marks brackets that could take part in a link or image: one without its pair, and a pair that is
    /// followed by <c>(</c>, <c>[</c> or <c>:</c>, follows a <c>!</c>, is the whole text, or could be a task
    /// list's box (<c>[ ]</c>, <c>[x]</c>). A pair
    /// among text (<c>[Sprint 2, Week 1]</c>) is a link only where a definition of that label exists,
    /// and the report's Markdown defines none but what the student writes in their notes.
    /// </summary>
    private static void MarkBrackets(string line, bool[] escape)
    {
        var open = new Stack<int>();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '[')
            {
                open.Push(i);
            }
            else if (line[i] == ']')
            {
                if (open.Count == 0)
                {
                    escape[i] = true;
                    continue;
                }

                var start = open.Pop();
                var next = i + 1 < line.Length ? line[i + 1] : '\0';
                var taskBox = i == start + 2 && line[start + 1] is ' ' or 'x' or 'X';
                if (next is '(' or '[' or ':' || taskBox || (start > 0 && line[start - 1] == '!') || (start == 0 && i == line.Length - 1))
                {
                    escape[start] = true;
                    escape[i] = true;
                }
            }
        }

        foreach (var unmatched in open)
        {
            escape[unmatched] = true;
        }
    }
}
