using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Reports.Notes;

/// <summary>
/// Reads <c>notes/sprint-S-week-W.md</c>, split at its top-level <c>##</c> headings, with the <c>### !109</c>
/// notes for one merge request apart, and finds the files of its images; never writes it. A file over
/// <see cref="MaxBytes"/> is refused unread, and reading is linear in the text's length.
/// </summary>
internal static class NotesParser
{
    /// <summary>The largest notes file read (1 MiB): a week's narrative is a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

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

    private static NarrativeNotes Read(string markdown, string? path)
    {
        var comments = NotesComments.Remove(markdown);
        MarkdownSource source;
        try
        {
            source = MarkdownSyntax.Read(comments.Text);
        }
        catch (ArgumentException e)
        {
            // Markdig's nesting limit: quotes or lists a few hundred deep, or thousands of unclosed '[' or '*' in one paragraph.
            throw new EvidenceException(
                $"notes{(path is null ? "" : $" '{path}'")} nest Markdown too deeply to read: nest quotes and lists less deeply, or close the brackets and emphasis of a long paragraph", e);
        }

        int FileLine(int offset) => comments.FileLine(offset, source.LineOf(offset));
        var headings = NoteHeadings.Read(source, FileLine, path);
        var sections = new NoteSections(headings, path);
        for (var line = 0; line < source.Lines.Count; line++)
        {
            sections.Add(line, source.Lines[line]);
        }

        string? Section(string id) => sections.Text(id) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

        var intro = sections.Preamble;
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
            Extra = [.. sections.Order
                .Where(id => !NarrativeNotes.SectionIds.Contains(id))
                .Select(id => new NoteSection(id, sections.Title(id), sections.Text(id) ?? ""))],
            Titles = sections.Titles,
            MergeRequests = sections.MergeRequests,
            Images = path is null ? [] : Images(source, FileLine, path),
            Warnings = [.. headings.Warnings.Concat(sections.Warnings).OrderBy(w => w.Line)],
        };
    }

    /// <summary>Every image of the notes whose destination is a file beside them, found and checked, once each.</summary>
    private static List<NoteImage> Images(MarkdownSource source, Func<int, int> fileLine, string path)
    {
        var images = new List<NoteImage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in source.Document.Descendants<LinkInline>().Where(l => l.IsImage && !l.IsAutoLink))
        {
            var url = image.Url ?? "";
            if (NoteImages.IsLocal(url) && seen.Add(url))
            {
                images.Add(NoteImages.Find(path, fileLine(image.Span.Start), url));
            }
        }

        return images;
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
