using Reports.Analysis;
using Reports.Config;
using Reports.Notes;

namespace Reports.Rendering;

/// <summary>
/// Marks the student's own words in the report so a reader can tell narrative from the facts
/// collected from GitLab and Linear. For the site every placed notes section reaches the templates
/// wrapped in <c>&lt;div class="narrative"&gt;</c>, which the page's stylesheet labels "Student's
/// notes". For Hugo, which drops raw HTML, each section is a block quote opening with the bold
/// label "Student's notes", and raw HTML in the notes is escaped so it shows as text.
/// </summary>
/// <remarks>
/// The notes are the student's own words on their own site: beyond that escaping (and, as on the HTML
/// site, links to other schemes than http, https and mailto shown as text) they reach Hugo as written,
/// so the site's shortcodes work in them and their relative links stay relative to the site.
/// </remarks>
internal static class NarrativeMarkup
{
    public const string CssClass = "narrative";

    /// <summary>The line that opens the student's words on the site; the HTML converter draws images only after it.</summary>
    public const string Opening = $"<div class=\"{CssClass}\">";

    /// <summary>The label a Hugo block quote of notes opens with.</summary>
    public const string Label = "Student's notes";

    /// <summary>The notes with each section's Markdown wrapped for <paramref name="format"/>.</summary>
    public static NarrativeNotes Wrap(NarrativeNotes notes, SiteFormat format = SiteFormat.Html)
    {
        ArgumentNullException.ThrowIfNull(notes);
        Func<string?, string?> wrap = format == SiteFormat.Hugo ? Quote : Div;
        return notes with
        {
            Overview = wrap(notes.Overview),
            Reviews = wrap(notes.Reviews),
            Merges = wrap(notes.Merges),
            Contributions = wrap(notes.Contributions),
            Impact = wrap(notes.Impact),
            Tickets = wrap(notes.Tickets),
            Planning = wrap(notes.Planning),
            Automation = wrap(notes.Automation),
            Extra = [.. notes.Extra.Select(section => section with
            {
                // A heading of the notes file is the student's inline Markdown; for Hugo its HTML shows as text too.
                Title = format == SiteFormat.Hugo ? UntrustedMarkdown.NotesInline(section.Title) : section.Title,
                Markdown = wrap(section.Markdown)!,
            })],
        };
    }

    /// <summary>
    /// The sections with the student's words marked as in <see cref="Wrap(NarrativeNotes, SiteFormat)"/>: each
    /// section's text and merge request notes wrapped, a one-line remark in a <c>&lt;span class="narrative"&gt;</c>
    /// (for Hugo after a ✎), and for Hugo the student's titles with their HTML shown as text.
    /// </summary>
    public static ReportSections Wrap(ReportSections sections, SiteFormat format = SiteFormat.Html)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var hugo = format == SiteFormat.Hugo;
        Func<string?, string?> wrap = hugo ? Quote : Div;
        string? Title(string? title) => hugo && title is not null ? UntrustedMarkdown.NotesInline(title) : title;
        MergeRequestNoteView? Note(MergeRequestNoteView? note) => note is null ? null : note with
        {
            Title = Title(note.Title),
            Text = wrap(note.Text) ?? "",
            Remark = Remark(note.Remark, hugo),
        };
        ReportSection Section(ReportSection section) => section with
        {
            Title = section.Title == section.DefaultTitle ? section.Title : Title(section.Title)!,
            Notes = wrap(section.Notes),
            MergeRequestNotes = section.MergeRequestNotes.ToDictionary(p => p.Key, p => Note(p.Value), StringComparer.Ordinal),
            Subsections = [.. section.Subsections.Select(n => Note(n)!)],
        };
        return sections with
        {
            Overview = Section(sections.Overview),
            Reviews = Section(sections.Reviews),
            Merges = Section(sections.Merges),
            Contributions = Section(sections.Contributions),
            Impact = Section(sections.Impact),
            Tickets = Section(sections.Tickets),
            Planning = Section(sections.Planning),
            Automation = Section(sections.Automation),
            Extra = [.. sections.Extra.Select(Section)],
        };
    }

    /// <summary>A note on one line, for a table cell: a span the stylesheet marks, or for Hugo (no raw HTML) the text after a ✎.</summary>
    private static string Remark(string remark, bool hugo)
    {
        if (string.IsNullOrWhiteSpace(remark))
        {
            return "";
        }

        return hugo ? "✎ " + UntrustedMarkdown.NotesInline(remark) : $"<span class=\"{CssClass}\">{MarkdownRewriter.NotesImages(remark)}</span>";
    }

    /// <summary>
    /// Blank lines after the opening tag and before the closing one make both CommonMark HTML blocks
    /// of their own, so the text between stays Markdown.
    /// </summary>
    private static string? Div(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? markdown : $"{Opening}\n\n{MarkdownRewriter.NotesImages(markdown.Trim('\n'))}\n\n</div>";

    private static string? Quote(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return markdown;
        }

        var lines = UntrustedMarkdown.Notes(markdown).Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line);
        return $"> **{Label}**\n>\n{string.Join('\n', lines)}";
    }
}
