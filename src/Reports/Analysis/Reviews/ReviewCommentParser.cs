using System.Text.RegularExpressions;
using Reports.Model;

namespace Reports.Analysis.Reviews;

/// <summary>
/// Reads severity, label, title and fixes from the first note of a review thread.
/// </summary>
/// <remarks>
/// Markers are read only at the start of the note's first prose line (a label mid-sentence is not a label),
/// after optional whitespace, a heading marker (<c>### </c>), one list bullet (<c>- </c>, <c>* </c>,
/// <c>1. </c>: a note that opens with a list item still opens with its label) and leading emoji
/// (<c>🔴</c>, <c>:warning:</c>). Leading block-quote lines are skipped: they quote someone else.
/// A P-level (<c>P0:</c>, <c>**P0**</c>, <c>[P0]</c>, <c>P0 -</c>, <c>**P2 - improvement**:</c>,
/// <c>P1 (important):</c>, <c>Severity: P1</c>) and a label (<c>issue (blocking):</c>, <c>**nitpick:**</c>,
/// a shields.io badge image) may both appear, in either order. A leading word before a colon is a label
/// only when it is a Conventional Comments label or a key of the levels table; any other word
/// (<c>Also:</c>, <c>NB:</c>) stays part of the title, because guessing would invent labels.
/// </remarks>
internal sealed partial class ReviewCommentParser
{
    private readonly Dictionary<string, Severity> levels = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="levels">Label (case-insensitive) → P-level, from <c>review.levels</c>.</param>
    public ReviewCommentParser(IReadOnlyDictionary<string, Severity> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        foreach (var (label, level) in levels)
        {
            this.levels[label.Trim()] = level;
        }
    }

    public ParsedComment Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (prose, fixes) = MarkdownBlocks.Split(body);
        var lines = prose.Select(l => string.IsNullOrWhiteSpace(l) ? "" : l).ToList();
        var used = new HashSet<int>();
        var markers = Markers.None;
        var title = "";

        var first = FirstContentLine(lines);
        if (first >= 0)
        {
            used.Add(first);
            markers = ReadMarkers(lines[first]);
            title = markers.Title;
            if (title.Length == 0 && NextNonBlank(lines, first + 1) is var next and >= 0)
            {
                used.Add(next);
                var more = ReadMarkers(lines[next]);
                // A marker-only first line ("**[P1]**") may be followed by the label line; never let it override.
                var compatible = (more.Severity is null || markers.Severity is null) && (more.Label is null || markers.Label is null);
                markers = compatible ? markers.Merge(more) : markers;
                title = compatible ? more.Title : CleanTitle(StripLead(lines[next]));
            }
        }

        var severity = markers.Severity;
        if (severity is null && markers.Label is { } label && levels.TryGetValue(label, out var mapped))
        {
            severity = mapped;
        }

        return new ParsedComment
        {
            Severity = severity,
            Label = markers.Label,
            Decorations = markers.Decorations,
            Title = title,
            Details = JoinDetails(lines, used),
            Fixes = fixes,
        };
    }

    private Markers ReadMarkers(string line)
    {
        var start = LeadRegex().Match(line).Length;
        var pos = start;
        Severity? severity = null;
        string? label = null;
        IReadOnlyList<string> decorations = [];
        var progress = true;
        while (progress)
        {
            progress = false;
            if (severity is null && TryPLevel(line, ref pos, out var s))
            {
                severity = s;
                progress = true;
            }
            else if (label is null && (TryBadge(line, ref pos, out var l, out var d) || TryLabel(line, ref pos, out l, out d)))
            {
                (label, decorations) = (l, d);
                progress = true;
            }
        }

        var rest = BalanceEmphasis(line[start..pos], line[pos..]);
        return new Markers(severity, label, decorations, CleanTitle(rest));
    }

    private bool TryPLevel(string line, ref int pos, out Severity severity)
    {
        severity = default;
        var m = PLevelRegex().Match(line, pos);
        if (!m.Success)
        {
            return false;
        }

        var end = m.Index + m.Length;
        // A bare "P1 word" needs punctuation, emphasis or a following label, so "P1 and P2 differ" is prose.
        var marked = !string.IsNullOrWhiteSpace(m.Groups["pre"].Value) || !string.IsNullOrWhiteSpace(m.Groups["post"].Value)
            || !string.IsNullOrWhiteSpace(m.Groups["sep"].Value) || m.Groups["q"].Success || m.Groups["key"].Success
            || string.IsNullOrWhiteSpace(line[end..]);
        if (!marked)
        {
            var probe = end;
            marked = TryBadge(line, ref probe, out _, out _) || TryLabel(line, ref probe, out _, out _);
        }

        if (!marked)
        {
            return false;
        }

        severity = (Severity)(m.Groups["p"].Value[0] - '0');
        pos = end;
        return true;
    }

    private bool TryLabel(string line, ref int pos, out string label, out IReadOnlyList<string> decorations)
    {
        var m = LabelRegex().Match(line, pos);
        label = m.Groups["label"].Value.ToLowerInvariant();
        decorations = [];
        if (!m.Success || !IsLabel(label))
        {
            return false;
        }

        decorations = SplitDecorations(m.Groups["dec"].Value);
        pos = m.Index + m.Length;
        return true;
    }

    private bool TryBadge(string line, ref int pos, out string label, out IReadOnlyList<string> decorations)
    {
        label = "";
        decorations = [];
        var m = BadgeRegex().Match(line, pos);
        var alt = m.Success ? BadgeAltRegex().Match(m.Groups["alt"].Value) : Match.Empty;
        if (!alt.Success || !IsLabel(alt.Groups["label"].Value))
        {
            return false;
        }

        label = alt.Groups["label"].Value.ToLowerInvariant();
        decorations = alt.Groups["dec"].Success
            ? SplitDecorations(alt.Groups["dec"].Value)
            : DecorationsFromShieldsUrl(label, m.Groups["url"].Value);
        pos = m.Index + m.Length;
        return true;
    }

    private bool IsLabel(string word) => ConventionalLabels.Known.Contains(word) || levels.ContainsKey(word);

    private static IReadOnlyList<string> SplitDecorations(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(d => d.ToLowerInvariant())];

    // Badges like img.shields.io/badge/nitpick-style,non--blocking-277da1 carry decorations in the message part.
    private static IReadOnlyList<string> DecorationsFromShieldsUrl(string label, string url)
    {
        var m = ShieldsPathRegex().Match(url);
        if (!m.Success)
        {
            return [];
        }

        var parts = SingleDashRegex().Split(Uri.UnescapeDataString(m.Groups["path"].Value));
        if (parts.Length != 3 || !string.Equals(parts[0], label, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var message = parts[1].Replace("--", "-").Replace("__", "\u0000").Replace('_', ' ').Replace('\u0000', '_');
        return SplitDecorations(message);
    }

    private static int FirstContentLine(List<string> lines)
    {
        var firstNonBlank = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            firstNonBlank = firstNonBlank < 0 ? i : firstNonBlank;
            if (!QuoteOrCommentRegex().IsMatch(lines[i]))
            {
                return i;
            }
        }

        return firstNonBlank;
    }

    private static int NextNonBlank(List<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string JoinDetails(List<string> lines, HashSet<int> used)
    {
        var kept = lines.Where((_, i) => !used.Contains(i));
        return BlankRunRegex().Replace(string.Join('\n', kept), "\n\n").Trim('\n').TrimEnd();
    }

    private static string StripLead(string line) => line[LeadRegex().Match(line).Length..];

    /// <summary>Removes the closers of emphasis opened inside the marker prefix ("**P0:** text" → "text").</summary>
    private static string BalanceEmphasis(string prefix, string rest)
    {
        foreach (var c in "*_")
        {
            var doubles = prefix.Split(new string(c, 2)).Length - 1;
            var singles = prefix.Count(ch => ch == c) - (2 * doubles);
            if (doubles % 2 == 1)
            {
                var at = rest.IndexOf(new string(c, 2), StringComparison.Ordinal);
                rest = at < 0 ? rest : rest.Remove(at, 2);
            }

            if (singles % 2 == 1)
            {
                var at = rest.IndexOf(c);
                rest = at < 0 ? rest : rest.Remove(at, 1);
            }
        }

        return rest;
    }

    /// <summary>Trims whitespace, a trailing colon and emphasis wrapping the whole title.</summary>
    internal static string CleanTitle(string text)
    {
        var t = text.Trim();
        while (true)
        {
            var before = t;
            t = t.TrimEnd(':').TrimEnd();
            foreach (var d in (string[])["**", "__", "*", "_"])
            {
                if (t.Length > 2 * d.Length && t.StartsWith(d, StringComparison.Ordinal) && t.EndsWith(d, StringComparison.Ordinal)
                    && !t[d.Length..^d.Length].Contains(d, StringComparison.Ordinal))
                {
                    t = t[d.Length..^d.Length].Trim();
                    break;
                }
            }

            if (t == before)
            {
                return t;
            }
        }
    }

    private readonly record struct Markers(Severity? Severity, string? Label, IReadOnlyList<string> Decorations, string Title)
    {
        public static Markers None => new(null, null, [], "");

        public Markers Merge(Markers other) => new(
            Severity ?? other.Severity,
            Label ?? other.Label,
            Label is null ? other.Decorations : Decorations,
            other.Title);
    }

    // Leading structure that is not part of the title: indentation, heading marker, one bullet, emoji.
    [GeneratedRegex(@"\G[ \t]*(?:#{1,6}(?=[ \t]|$)[ \t]*)?(?:(?:[-+]|\*(?=[ \t])|\d{1,9}[.)])[ \t]+)?(?:(?::[a-z0-9_+\-]+:|\p{So}|\p{Cs}|\uFE0F|\u200D)[ \t]*)*")]
    private static partial Regex LeadRegex();

    [GeneratedRegex("""
        \G(?<pre>[ \t]*(?:[*_]{1,3}[ \t]*)?[\[(]?[ \t]*(?:[*_]{1,3})?[ \t]*)
        (?<key>(?:severity|priority|sev|prio)[ \t]*[:=]?[ \t]*)?
        [Pp](?<p>[0-3])(?![\p{L}\p{N}])
        (?:[ \t]*(?:[-–—/:|][ \t]*)?(?:\((?<q>[^()\n]{1,40})\)|(?<q>blocker|blocking|critical|high|major|important|medium|moderate|improvement|minor|low|nit|nitpick|trivial|cosmetic|optional)(?=[ \t]*(?:[*_]|[:\])]|$))))?
        (?<post>[ \t]*(?:[*_]{1,3})?[ \t]*[\])]?[ \t]*(?:[*_]{1,3})?)
        (?:[ \t]*\((?<q>[^()\n]{1,40})\))?
        (?<sep>[ \t]*(?:[:\-–—|][ \t]*)?)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase)]
    private static partial Regex PLevelRegex();

    [GeneratedRegex(@"\G[ \t]*(?:[*_]{1,3}[ \t]*)?(?<label>\p{L}[\p{L}\-]*)[ \t]*(?:\((?<dec>[^()\n]*)\))?[ \t]*(?:[*_]{1,3})?[ \t]*:(?=[\s*_]|$)[ \t]*")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"\G[ \t]*\[?!\[(?<alt>[^\]\n]*)\]\((?<url>[^)\s]*)(?:[ \t]+""[^""\n]*"")?\)(?:\]\([^)\s]*\))?[ \t]*(?:[:\-–—|][ \t]*)?")]
    private static partial Regex BadgeRegex();

    [GeneratedRegex(@"^[ \t]*(?<label>\p{L}[\p{L}\-]*)[ \t]*(?:\((?<dec>[^()]*)\))?[ \t]*:?[ \t]*$")]
    private static partial Regex BadgeAltRegex();

    [GeneratedRegex(@"/badge/(?<path>[^/?#]+)")]
    private static partial Regex ShieldsPathRegex();

    [GeneratedRegex(@"(?<!-)-(?!-)")]
    private static partial Regex SingleDashRegex();

    [GeneratedRegex(@"^[ \t]*(?:>|<!--.*-->[ \t]*$)")]
    private static partial Regex QuoteOrCommentRegex();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRunRegex();
}
