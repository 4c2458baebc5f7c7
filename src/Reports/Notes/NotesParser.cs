using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Notes;

/// <summary>Reads <c>notes/sprint-S-week-W.md</c>; never writes it.</summary>
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
            throw new EvidenceException($"cannot read notes '{path}': {e.Message}", ExitCode.LocalIo, e);
        }
    }

    public static NarrativeNotes Parse(string markdown)
    {
        var sections = new List<(string Id, string Title, StringBuilder Text)>();
        var preamble = new StringBuilder();
        var current = preamble;
        string? fence = null;
        foreach (var line in CommentRegex().Replace(markdown.Replace("\r\n", "\n"), "").Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is null && FenceRegex().Match(trimmed) is { Success: true } open)
            {
                fence = open.Value;
            }
            else if (fence is not null && ClosesFence(trimmed.TrimEnd(), fence))
            {
                fence = null;
            }
            else if (fence is null && HeadingRegex().Match(line) is { Success: true } heading)
            {
                var title = heading.Groups["title"].Value.Trim();
                var id = heading.Groups["id"].Success ? heading.Groups["id"].Value.ToLowerInvariant() : Slug(title);
                var existing = sections.FindIndex(s => s.Id == id);
                if (existing >= 0)
                {
                    current = sections[existing].Text;
                    current.Append('\n');
                }
                else
                {
                    current = new StringBuilder();
                    sections.Add((id, title, current));
                }

                continue;
            }
            else if (current == preamble && sections.Count == 0 && TitleRegex().IsMatch(line))
            {
                continue; // a "# Title" line names the file; the report has its own title
            }

            current.Append(line).Append('\n');
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

    /// <summary>A closing fence is a run of the opening character at least as long as the opening.</summary>
    private static bool ClosesFence(string line, string fence) =>
        line.Length >= fence.Length && line.All(c => c == fence[0]);

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

    [GeneratedRegex(@"^ {0,3}##[ \t]+(?<title>.+?)(?:[ \t]*\{#(?<id>[A-Za-z][\w-]*)\})?[ \t#]*$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^ {0,3}#[ \t]+\S")]
    private static partial Regex TitleRegex();

    // Guidance comments (as 'evidence init' writes them) are for the student, not the report.
    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex FenceRegex();
}
