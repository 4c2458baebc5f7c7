using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Reports.Notes;

/// <summary>
/// The top-level headings of a notes file, by the line they stand on: <c>##</c> headings open sections,
/// <c>### !109</c> subheadings open the notes for one merge request, other headings of level 3 or less
/// end those notes, and a <c># Title</c> before the first section names the file.
/// </summary>
internal sealed partial class NoteHeadings
{
    private NoteHeadings()
    {
    }

    /// <summary>Section headings: the id, the text as written, and whether that text is a title (an explicit id, and more than the id).</summary>
    public Dictionary<int, (string Id, string Text, bool IsTitle, int FileLine)> Sections { get; } = [];

    public Dictionary<int, (string? Project, int Iid, string? Title, int FileLine)> MergeRequests { get; } = [];

    /// <summary>Other headings of level 3 or less: each ends the notes of a merge request.</summary>
    public HashSet<int> Ends { get; } = [];

    /// <summary>A <c># Title</c> line before the first section names the file; the report has its own title.</summary>
    public HashSet<int> FileTitles { get; } = [];

    public List<Model.ReportWarning> Warnings { get; } = [];

    public static NoteHeadings Read(MarkdownSource source, Func<int, int> fileLine, string? path)
    {
        var headings = new NoteHeadings();
        foreach (var heading in source.Document.OfType<HeadingBlock>().Where(h => !h.IsSetext))
        {
            var line = source.LineOf(heading.Span.Start);
            var (id, text) = Name(source, heading);
            if (heading.Level == 2 && (id ?? text).Length > 0)
            {
                var at = fileLine(heading.Span.Start);
                if (NumberedRegex().IsMatch(text))
                {
                    headings.Warnings.Add(NotesWarning.At(path, at,
                        $"the heading '{text}' starts with a number, but the report numbers its sections itself: write '## {NumberedRegex().Replace(text, "")} {{#id}}' with the id of the section it fills, e.g. {{#planning}} (docs/notes.md)"));
                }

                var slug = Slug(text);
                headings.Sections[line] = (id ?? slug, text, id is not null && text.Length > 0 && slug != id, at);
            }
            else if (heading.Level == 3 && MergeRequestRegex().Match(text) is { Success: true } mr
                && int.TryParse(mr.Groups["iid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var iid))
            {
                var project = mr.Groups["project"].Value;
                var title = mr.Groups["title"].Value.Trim();
                headings.MergeRequests[line] = (project.Length == 0 ? null : project, iid, title.Length == 0 ? null : title, fileLine(heading.Span.Start));
            }
            else if (heading.Level == 1 && headings.Sections.Count == 0)
            {
                headings.FileTitles.Add(line);
            }
            else if (heading.Level <= 3)
            {
                headings.Ends.Add(line);
            }
        }

        return headings;
    }

    /// <summary>GitHub-style heading id: lower case, letters and digits kept, runs of anything else → '-'.</summary>
    public static string Slug(string title)
    {
        var slug = new System.Text.StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    /// <summary>The id written as <c>{#id}</c> (lower case), or null; and the heading's text as written, without it.</summary>
    private static (string? Id, string Text) Name(MarkdownSource source, HeadingBlock heading)
    {
        var text = heading.Inline is { FirstChild: { } first, LastChild: { } last } ? source.Cut(first.Span.Start, last.Span.End).Trim() : "";

        // Only an id written as {#id} has a place in the source.
        var written = heading.TryGetAttributes() is { Id: { } id, Span.IsEmpty: false } ? id.ToLowerInvariant() : null;
        return (written, text);
    }

    // "5. BDD …", "2) Merges", "3.1 Notes": a section number, which the report writes itself.
    [GeneratedRegex(@"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedRegex();

    // "!109", "!109 Blue/Green Deployment", "MR !104: Block inactive auth", "ppl/sira-backend!109 Title".
    [GeneratedRegex(@"^(?:MR\s+)?(?<project>[A-Za-z0-9_.][A-Za-z0-9_./-]*)?!(?<iid>\d{1,9})(?![\w])\s*[:\u2013\u2014-]?\s*(?<title>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MergeRequestRegex();
}
