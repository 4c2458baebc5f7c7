using System.Globalization;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Reports.Notes;

/// <summary>
/// Reads <c>notes/sprint-S-week-W.md</c>, split at its top-level <c>##</c> headings; never writes it.
/// A file over <see cref="MaxBytes"/> is refused unread, and reading is linear in the text's length.
/// </summary>
internal static class NotesParser
{
    /// <summary>The largest notes file read (1 MiB): a week's narrative is a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string CommentStart = "<!--";
    private const string CommentEnd = "-->";

    public static NarrativeNotes Load(string path)
    {
        if (!File.Exists(path))
        {
            return NarrativeNotes.Empty;
        }

        string text;
        try
        {
            text = ReadBounded(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException($"cannot read notes '{path}': {e.Message}", e);
        }

        return Read(text, path) with { SourcePath = path };
    }

    public static NarrativeNotes Parse(string markdown) => Read(markdown, path: null);

    /// <summary>
    /// The heading's text as written and its id: an explicit <c>{#id}</c> in lower case, else <see cref="Slug"/>
    /// of the text; null for a heading with neither.
    /// </summary>
    private static (string Id, string Title)? Name(MarkdownSource source, HeadingBlock heading)
    {
        var title = heading.Inline is { FirstChild: { } first, LastChild: { } last } ? source.Cut(first.Span.Start, last.Span.End).Trim() : "";
        // Only an id written as {#id} has a place in the source.
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

    private static NarrativeNotes Read(string markdown, string? path)
    {
        MarkdownSource source;
        try
        {
            source = MarkdownSyntax.Read(WithoutComments(markdown));
        }
        catch (ArgumentException e)
        {
            // Markdig's nesting limit: quotes or lists a few hundred deep, or thousands of unclosed '[' or '*' in one paragraph.
            throw new EvidenceException(
                $"notes{(path is null ? "" : $" '{path}'")} nest Markdown too deeply to read: nest quotes and lists less deeply, or close the brackets and emphasis of a long paragraph", e);
        }

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

        // Sections by id in file order; a repeated heading continues its section, found by id in constant time.
        var sections = new Dictionary<string, (string Title, StringBuilder Text)>(StringComparer.Ordinal);
        var order = new List<string>();
        var preamble = new StringBuilder();
        var current = preamble;
        for (var line = 0; line < source.Lines.Count; line++)
        {
            if (headings.TryGetValue(line, out var heading))
            {
                if (sections.TryGetValue(heading.Id, out var existing))
                {
                    current = existing.Text;
                    current.Append('\n');
                }
                else
                {
                    current = new StringBuilder();
                    sections.Add(heading.Id, (heading.Title, current));
                    order.Add(heading.Id);
                }
            }
            else if (!fileTitles.Contains(line))
            {
                current.Append(source.Lines[line]).Append('\n');
            }
        }

        string? Section(string id)
        {
            var text = sections.TryGetValue(id, out var section) ? section.Text.ToString().Trim('\n') : null;
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
            Extra = [.. order
                .Where(id => !NarrativeNotes.SectionIds.Contains(id))
                .Select(id => new NoteSection(id, sections[id].Title, sections[id].Text.ToString().Trim('\n')))],
        };
    }

    /// <summary>
    /// The text without <c>&lt;!-- … --&gt;</c> comments (guidance as 'evidence init' writes it is for the
    /// student, not the report). One pass: an unclosed comment is left as text, and the search stops there,
    /// since no later one can close either.
    /// </summary>
    private static string WithoutComments(string markdown)
    {
        var start = markdown.IndexOf(CommentStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return markdown;
        }

        var kept = new StringBuilder(markdown.Length);
        var from = 0;
        while (start >= 0)
        {
            var end = markdown.IndexOf(CommentEnd, start + CommentStart.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            kept.Append(markdown, from, start - from);
            from = end + CommentEnd.Length;
            start = markdown.IndexOf(CommentStart, from, StringComparison.Ordinal);
        }

        return kept.Append(markdown, from, markdown.Length - from).ToString();
    }

    /// <summary>
    /// The file's text, refused when over <see cref="MaxBytes"/>: the size is checked before reading, and
    /// the read stops one byte past the cap, so a huge (or growing) file costs neither time nor memory.
    /// </summary>
    private static string ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.CanSeek && stream.Length > MaxBytes)
        {
            throw TooLarge(path, stream.Length);
        }

        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        if (read > MaxBytes)
        {
            throw TooLarge(path, size: null);
        }

        using var reader = new StreamReader(new MemoryStream(buffer, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static EvidenceException TooLarge(string path, long? size) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"notes '{path}' is {(size is { } bytes ? $"{bytes:N0} bytes, " : "")}over the {MaxBytes:N0} bytes (1 MiB) a notes file may hold: shorten it, and link to long material (logs, pasted output) instead of pasting it"));
}
