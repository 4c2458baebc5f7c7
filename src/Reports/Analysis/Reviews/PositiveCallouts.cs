using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Reports.Analysis.Reviews;

/// <summary>
/// Reads the positive callouts of a summary note: the bullets under a heading, bold line or
/// "Label:" line that mentions "positive" or "praise" (any case), until the next such section.
/// </summary>
/// <remarks>
/// Headings, paragraphs, lists and fences come from the shared Markdig tree; the title lines inside a
/// paragraph are matched line by line. Only the section's top-level bullets count; nested bullets elaborate
/// on their parent and are left out. A wrapped bullet's continuation lines join its text. Fenced code is
/// ignored. A plain paragraph after the list ends the section.
/// </remarks>
internal static partial class PositiveCallouts
{
    public static IReadOnlyList<string> FromSummary(string summaryNoteBody)
    {
        ArgumentNullException.ThrowIfNull(summaryNoteBody);
        var source = MarkdownSyntax.Read(summaryNoteBody);
        var reader = new Reader(source);
        reader.ReadBlocks(source.Document);
        return reader.Callouts;
    }

    /// <summary>Walks the blocks in document order, remembering whether it is inside a positive section.</summary>
    private sealed class Reader(MarkdownSource source)
    {
        private bool _inSection;
        private int _items;

        // List depth of the "- **Positives:**" bullet that opened the section: a later bullet at that depth or above ends it.
        private int? _openedAtDepth;

        public List<string> Callouts { get; } = [];

        public void ReadBlocks(ContainerBlock container)
        {
            foreach (var block in container)
            {
                switch (block)
                {
                    case HeadingBlock { IsSetext: false } heading:
                        Start(PositiveWordRegex().IsMatch(source.Cut(heading.Span.Start, heading.Span.End)));
                        break;
                    case ParagraphBlock or HeadingBlock:
                        // A setext underline is one more plain line, as it was when summaries were read line by line.
                        foreach (var line in source.TextLines(block))
                        {
                            ReadLine(line);
                        }

                        break;
                    case ListBlock list:
                        ReadList(list, 0);
                        break;
                    case QuoteBlock quote:
                        ReadQuote(quote);
                        break;
                    case FencedCodeBlock:
                        break;
                    default:
                        EndAfterItems();
                        break;
                }
            }
        }

        private void ReadLine(string line)
        {
            if (IsSectionTitle(line, out var positive))
            {
                Start(positive);
            }
            else
            {
                EndAfterItems();
            }
        }

        // Quoted lines are someone else's; a lazy line after the quote can still be a title ("**Positives:**").
        private void ReadQuote(QuoteBlock quote)
        {
            var (first, last) = source.LinesOf(quote);
            foreach (var line in source.Lines.Take(last + 1).Skip(first))
            {
                if (line.TrimStart().StartsWith('>'))
                {
                    EndAfterItems();
                }
                else
                {
                    ReadLine(line);
                }
            }
        }

        private void ReadList(ListBlock list, int depth)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (depth <= _openedAtDepth)
                {
                    (_inSection, _openedAtDepth) = (false, null);
                }

                ReadItem(item, depth);
            }
        }

        private void ReadItem(ListItemBlock item, int depth)
        {
            var lines = item.OfType<ParagraphBlock>().SelectMany(source.TextLines).ToList();
            var bullet = item.FirstOrDefault() is ParagraphBlock ? lines[0] : "";
            string? callout = null;
            if (IsBulletSection(bullet, out var positive))
            {
                // "- **Positives:**" with the callouts as nested bullets, a common summary layout.
                Start(positive);
                _openedAtDepth = depth;
            }
            else if (_inSection)
            {
                callout = bullet;
                _items++;
            }

            var nestedAreDetails = callout is not null;
            foreach (var line in lines.Skip(bullet.Length > 0 ? 1 : 0))
            {
                // A lazy continuation line can still be the next section's title ("**Issues:**" right under the last bullet).
                if (IsSectionTitle(line, out var titlePositive))
                {
                    Add(callout);
                    (callout, nestedAreDetails) = (null, false);
                    Start(titlePositive);
                }
                else if (callout is not null)
                {
                    callout += " " + line.Trim();
                }
                else
                {
                    EndAfterItems();
                }
            }

            Add(callout);
            if (!nestedAreDetails)
            {
                // Nested bullets of a callout elaborate on it; elsewhere they may hold a "- **Positives:**" bullet.
                foreach (var nested in item.OfType<ListBlock>())
                {
                    ReadList(nested, depth + 1);
                }
            }
        }

        private bool IsSectionTitle(string line, out bool positive)
        {
            positive = false;
            if (!SectionTitle(line, out var title, out var strong))
            {
                return false;
            }

            positive = PositiveWordRegex().IsMatch(title);
            // A plain "Label:" line inside a section may just introduce its list ("Things I liked:").
            return strong || positive || (_inSection && _items > 0);
        }

        private void Add(string? bullet)
        {
            var text = bullet is null ? "" : CleanBullet(bullet);
            if (text.Length > 0)
            {
                Callouts.Add(text);
            }
        }

        private void Start(bool positive) => (_inSection, _items, _openedAtDepth) = (positive, 0, null);

        // A plain paragraph after the list ends the section.
        private void EndAfterItems()
        {
            if (_items > 0)
            {
                _inSection = false;
            }
        }
    }

    private static bool IsBulletSection(string bullet, out bool positive)
    {
        var heading = BulletSectionRegex().Match(bullet);
        positive = heading.Success && PositiveWordRegex().IsMatch(heading.Groups["title"].Value);
        return heading.Success && (heading.Groups["colon"].Success || positive);
    }

    private static bool SectionTitle(string line, out string title, out bool strong)
    {
        var m = BoldLineRegex().Match(line);
        if (m.Success)
        {
            (title, strong) = (m.Groups["title"].Value, true);
            return true;
        }

        m = ColonLineRegex().Match(line);
        (title, strong) = (m.Groups["title"].Value, false);
        return m.Success;
    }

    private static string CleanBullet(string text) =>
        ReviewCommentParser.CleanTitle(TaskBoxRegex().Replace(text, "")).TrimEnd();

    // A line that is all bold ("**Positive callouts:**", "__Praise__:") or starts with a bold lead-in ending in a colon.
    [GeneratedRegex(@"^[ \t]*(?:(?<d>\*\*|__)(?<title>[^*\n]+?)\k<d>[ \t]*:?[ \t]*$|(?<d>\*\*|__)(?<title>[^*\n]+?:)\k<d>)")]
    private static partial Regex BoldLineRegex();

    [GeneratedRegex(@"^[ \t]*(?![-*+][ \t]|\d{1,9}[.)][ \t])(?<title>[^\n]{1,80}):[ \t]*$")]
    private static partial Regex ColonLineRegex();

    [GeneratedRegex(@"^(?:(?<d>\*\*|__)(?<title>[^*\n]+?)(?<colon>:)?\k<d>[ \t]*(?<colon>:)?|(?<title>[^*\n]+?)[ \t]*(?<colon>:))[ \t]*$")]
    private static partial Regex BulletSectionRegex();

    [GeneratedRegex(@"^\[[ xX]\][ \t]+")]
    private static partial Regex TaskBoxRegex();

    [GeneratedRegex(@"positive|praise", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveWordRegex();
}
