using System.Text.RegularExpressions;

namespace Reports.Analysis.Reviews;

/// <summary>
/// Reads the positive callouts of a summary note: the bullets under a heading, bold line or
/// "Label:" line that mentions "positive" or "praise" (any case), until the next such section.
/// </summary>
/// <remarks>
/// Only the section's top-level bullets count; nested bullets elaborate on their parent and are left out.
/// A wrapped bullet's continuation lines join its text. Fenced code is ignored. A plain paragraph after
/// the list ends the section.
/// </remarks>
public static partial class PositiveCallouts
{
    public static IReadOnlyList<string> FromSummary(string summaryNoteBody)
    {
        ArgumentNullException.ThrowIfNull(summaryNoteBody);
        var (lines, _) = MarkdownBlocks.Split(summaryNoteBody);
        var callouts = new List<string>();
        var inSection = false;
        var sectionItems = 0;
        var sectionIndent = -1;
        int? bulletIndent = null;
        string? current = null;
        var afterBlank = false;

        void Flush()
        {
            var text = current is null ? "" : CleanBullet(current);
            if (text.Length > 0)
            {
                callouts.Add(text);
            }

            current = null;
        }

        void StartSection(bool positive, int indent)
        {
            Flush();
            (inSection, sectionItems, sectionIndent, bulletIndent, afterBlank) = (positive, 0, indent, null, false);
        }

        foreach (var line in lines)
        {
            var bullet = BulletRegex().Match(line);
            var indent = LeadingWidth(line);
            if (bullet.Success && BulletSectionRegex().Match(bullet.Groups["text"].Value) is { Success: true } heading
                && (heading.Groups["colon"].Success || PositiveWordRegex().IsMatch(heading.Groups["title"].Value)))
            {
                // "- **Positives:**" with the callouts as nested bullets, a common summary layout.
                StartSection(PositiveWordRegex().IsMatch(heading.Groups["title"].Value), indent);
                continue;
            }

            if (!bullet.Success && SectionTitle(line, out var title, out var strong))
            {
                var positive = PositiveWordRegex().IsMatch(title);
                // A plain "Label:" line inside a section may just introduce its list ("Things I liked:").
                if (strong || positive || (inSection && sectionItems > 0))
                {
                    StartSection(positive, -1);
                    continue;
                }
            }

            if (!inSection)
            {
                continue;
            }

            if (line.Trim().Length == 0)
            {
                afterBlank = true;
                continue;
            }

            if (bullet.Success && indent <= sectionIndent)
            {
                // A sibling of the "- **Positives:**" bullet ends its section.
                Flush();
                inSection = false;
            }
            else if (bullet.Success && (bulletIndent is null || indent <= bulletIndent + 1))
            {
                Flush();
                bulletIndent ??= indent;
                current = bullet.Groups["text"].Value;
                sectionItems++;
            }
            else if (bullet.Success)
            {
                // Nested bullet: detail of the current item, not a callout of its own.
            }
            else if (current is not null && (!afterBlank || indent > (bulletIndent ?? 0)))
            {
                current += " " + line.Trim();
            }
            else if (sectionItems > 0 && indent <= (bulletIndent ?? 0))
            {
                Flush();
                inSection = false;
            }

            afterBlank = false;
        }

        Flush();
        return callouts;
    }

    private static bool SectionTitle(string line, out string title, out bool strong)
    {
        var m = HeadingRegex().Match(line);
        if (!m.Success)
        {
            m = BoldLineRegex().Match(line);
        }

        if (m.Success)
        {
            (title, strong) = (m.Groups["title"].Value, true);
            return true;
        }

        m = ColonLineRegex().Match(line);
        (title, strong) = (m.Groups["title"].Value, false);
        return m.Success;
    }

    private static int LeadingWidth(string line)
    {
        var n = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                n++;
            }
            else if (c == '\t')
            {
                n += 4;
            }
            else
            {
                break;
            }
        }

        return n;
    }

    private static string CleanBullet(string text) =>
        ReviewCommentParser.CleanTitle(TaskBoxRegex().Replace(text, "")).TrimEnd();

    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}[ \t]+(?<title>.*?)[ \t#]*$")]
    private static partial Regex HeadingRegex();

    // A line that is all bold ("**Positive callouts:**", "__Praise__:") or starts with a bold lead-in ending in a colon.
    [GeneratedRegex(@"^[ \t]*(?:(?<d>\*\*|__)(?<title>[^*\n]+?)\k<d>[ \t]*:?[ \t]*$|(?<d>\*\*|__)(?<title>[^*\n]+?:)\k<d>)")]
    private static partial Regex BoldLineRegex();

    [GeneratedRegex(@"^[ \t]*(?![-*+][ \t]|\d{1,9}[.)][ \t])(?<title>[^\n]{1,80}):[ \t]*$")]
    private static partial Regex ColonLineRegex();

    [GeneratedRegex(@"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?<text>.*)$")]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"^(?:(?<d>\*\*|__)(?<title>[^*\n]+?)(?<colon>:)?\k<d>[ \t]*(?<colon>:)?|(?<title>[^*\n]+?)[ \t]*(?<colon>:))[ \t]*$")]
    private static partial Regex BulletSectionRegex();

    [GeneratedRegex(@"^\[[ xX]\][ \t]+")]
    private static partial Regex TaskBoxRegex();

    [GeneratedRegex(@"positive|praise", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveWordRegex();
}
