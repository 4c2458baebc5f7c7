using System.Text;
using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Reports.Notes;

/// <summary>Reads <c>notes/sprint-S-week-W.md</c>, split at its top-level <c>##</c> headings; never writes it.</summary>
public static partial class NotesParser
{
    public static NarrativeNotes Load(string path)
    {
        if (!File.Exists(path))
        {
            return NarrativeNotes.Empty;
        }

        try
        {
            return Parse(File.ReadAllText(path, Encoding.UTF8)) with { SourcePath = path };
        }
        catch (IOException e)
        {
            throw new LocalFileException($"cannot read notes '{path}': {e.Message}", e);
        }
    }

    public static NarrativeNotes Parse(string markdown)
    {
        var source = MarkdownSyntax.Read(CommentRegex().Replace(markdown, ""));
        var headings = new Dictionary<int, (string Id, string Title)>();
        var fileTitles = new HashSet<int>();
        foreach (var heading in source.Document.OfType<HeadingBlock>().Where(h => !h.IsSetext))
        {
            var line = source.LineOf(heading.Span.Start);
            if (heading.Level == 2 && Name(source, heading) is { } name)
            {
                headings[line] = name;
            }
            else if (heading.Level == 1 && headings.Count == 0)
            {
                fileTitles.Add(line); // a "# Title" line names the file; the report has its own title
            }
        }

        var sections = new List<(string Id, string Title, StringBuilder Text)>();
        var preamble = new StringBuilder();
        var current = preamble;
        for (var line = 0; line < source.Lines.Count; line++)
        {
            if (headings.TryGetValue(line, out var heading))
            {
                var existing = sections.FindIndex(s => s.Id == heading.Id);
                if (existing >= 0)
                {
                    current = sections[existing].Text;
                    current.Append('\n');
                }
                else
                {
                    current = new StringBuilder();
                    sections.Add((heading.Id, heading.Title, current));
                }
            }
            else if (!fileTitles.Contains(line))
            {
                current.Append(source.Lines[line]).Append('\n');
            }
        }

        string? Section(string id)
        {
            var text = sections.Where(s => s.Id == id).Select(s => s.Text.ToString().Trim('\n')).FirstOrDefault();
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        var intro = preamble.ToString().Trim('\n');
        var overview = Section("overview");
        if (!string.IsNullOrWhiteSpace(intro))
        {
            overview = overview is null ? intro : intro + "\n\n" + overview;
        }

        return new NarrativeNotes
        {
            Overview = overview,
            Reviews = Section("reviews"),
            Merges = Section("merges"),
            Contributions = Section("contributions"),
            Impact = Section("impact"),
            Tickets = Section("tickets"),
            Planning = Section("planning"),
            Automation = Section("automation"),
            Extra = [.. sections
                .Where(s => !NarrativeNotes.SectionIds.Contains(s.Id))
                .Select(s => new NoteSection(s.Id, s.Title, s.Text.ToString().Trim('\n')))],
        };
    }

    /// <summary>
    /// The heading's text as written and its id: an explicit <c>{#id}</c> in lower case, else <see cref="Slug"/>
    /// of the text; null for a heading with neither.
    /// </summary>
    private static (string Id, string Title)? Name(MarkdownSource source, HeadingBlock heading)
    {
        var title = heading.Inline is { FirstChild: { } first, LastChild: { } last } ? source.Cut(first.Span.Start, last.Span.End).Trim() : "";
        // AutoIdentifiers gives every heading an id; only one written as {#id} has a place in the source.
        var written = heading.TryGetAttributes() is { Id: { } id, Span.IsEmpty: false } ? id.ToLowerInvariant() : null;
        return written is null && title.Length == 0 ? null : (written ?? Slug(title), title);
    }

    /// <summary>GitHub-style heading id: lower case, letters and digits kept, runs of anything else → '-'.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
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

    // Guidance comments (as 'evidence init' writes them) are for the student, not the report.
    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentRegex();
}

