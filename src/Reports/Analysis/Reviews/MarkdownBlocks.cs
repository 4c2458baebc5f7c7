using System.Text.RegularExpressions;

namespace Reports.Analysis.Reviews;

/// <summary>
/// Line-based split of a Markdown note into prose lines and fenced code blocks, following CommonMark's
/// fence rules: ``` or ~~~ (three or more), closed by the same character at least as long, indented
/// fences allowed (list items), an unclosed fence runs to the end of the note.
/// </summary>
internal static partial class MarkdownBlocks
{
    /// <summary>CRLF and lone CR become LF so every rule below sees one kind of line.</summary>
    public static string NormaliseNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    public static (IReadOnlyList<string> Prose, IReadOnlyList<SuggestedFix> Fixes) Split(string text)
    {
        var lines = NormaliseNewlines(text).Split('\n');
        var prose = new List<string>();
        var fixes = new List<SuggestedFix>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = OpeningFenceRegex().Match(lines[i]);
            if (!open.Success || (open.Groups["fence"].Value[0] == '`' && open.Groups["info"].Value.Contains('`')))
            {
                prose.Add(lines[i]);
                continue;
            }

            var fence = open.Groups["fence"].Value;
            var indent = open.Groups["indent"].Value.Length;
            var code = new List<string>();
            for (i++; i < lines.Length && !IsClosingFence(lines[i], fence); i++)
            {
                code.Add(StripIndent(lines[i], indent));
            }

            fixes.Add(ToFix(open.Groups["info"].Value, string.Join('\n', code)));
        }

        return (prose, fixes);
    }

    private static SuggestedFix ToFix(string info, string code)
    {
        var word = info.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var suggestion = SuggestionInfoRegex().Match(word);
        if (suggestion.Success)
        {
            var range = suggestion.Groups["range"].Value;
            return new SuggestedFix(null, code, IsSuggestion: true) { SuggestionRange = range.Length == 0 ? null : range };
        }

        return new SuggestedFix(word.Length == 0 ? null : word, code);
    }

    private static bool IsClosingFence(string line, string fence)
    {
        var close = ClosingFenceRegex().Match(line);
        return close.Success && close.Groups["fence"].Value[0] == fence[0] && close.Groups["fence"].Value.Length >= fence.Length;
    }

    // Code inside an indented fence (a list item) loses the fence's own indentation, as CommonMark does.
    private static string StripIndent(string line, int indent)
    {
        var n = 0;
        while (n < indent && n < line.Length && (line[n] == ' ' || line[n] == '\t'))
        {
            n++;
        }

        return line[n..];
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<fence>`{3,}|~{3,})[ \t]*(?<info>.*?)[ \t]*$")]
    private static partial Regex OpeningFenceRegex();

    [GeneratedRegex(@"^[ \t]*(?<fence>`{3,}|~{3,})[ \t]*$")]
    private static partial Regex ClosingFenceRegex();

    [GeneratedRegex(@"^suggestion(?::(?<range>[-+0-9]*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex SuggestionInfoRegex();
}
