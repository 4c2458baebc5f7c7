using System.Text.RegularExpressions;

namespace Reports.Analysis.Reviews;

/// <summary>Reads severity, label, title and fixes from the first note of a review thread.</summary>
public sealed partial class ReviewCommentParser(IReadOnlyDictionary<string, string> levels)
{
    public ParsedComment Parse(string body)
    {
        var text = body.Replace("\r\n", "\n");
        var fixes = new List<SuggestedFix>();
        var prose = FenceRegex().Replace(text, m =>
        {
            var info = m.Groups["info"].Value.Trim();
            var isSuggestion = info.StartsWith("suggestion", StringComparison.Ordinal);
            fixes.Add(new SuggestedFix(isSuggestion || info.Length == 0 ? null : info, m.Groups["code"].Value.TrimEnd('\n'), isSuggestion));
            return "";
        }).Trim();

        var firstLine = prose.Split('\n', 2)[0];
        var rest = prose.Length > firstLine.Length ? prose[firstLine.Length..].Trim() : "";
        Severity? severity = null;
        string? label = null;
        var match = SeverityRegex().Match(firstLine);
        if (match.Success)
        {
            severity = Enum.Parse<Severity>(match.Groups["p"].Value.ToUpperInvariant());
            firstLine = firstLine[match.Length..];
        }
        else if (LabelRegex().Match(firstLine) is { Success: true } l)
        {
            label = l.Groups["label"].Value.ToLowerInvariant();
            if (levels.TryGetValue(label, out var level) && Enum.TryParse<Severity>(level, true, out var mapped))
            {
                severity = mapped;
            }

            firstLine = firstLine[l.Length..];
        }

        return new ParsedComment
        {
            Severity = severity,
            Label = label,
            Title = firstLine.Trim().Trim('*', '_').Trim(),
            Details = rest,
            Fixes = fixes,
        };
    }

    [GeneratedRegex(@"^```(?<info>[^\n]*)\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FenceRegex();

    [GeneratedRegex(@"^\s*(?:\*\*|\[)?(?<p>[Pp][0-3])\b[^:\n]*?(?:\]|\*\*)?\s*[:\-]\s*(?:\*\*\s*)?")]
    private static partial Regex SeverityRegex();

    [GeneratedRegex(@"^\s*\**(?<label>[A-Za-z]+)(?:\s*\([^)]*\))?\**\s*:\**\s*")]
    private static partial Regex LabelRegex();
}
