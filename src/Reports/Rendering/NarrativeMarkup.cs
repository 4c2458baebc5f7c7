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
    /// Blank lines after the opening tag and before the closing one make both CommonMark HTML blocks
    /// of their own, so the text between stays Markdown.
    /// </summary>
    private static string? Div(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? markdown : $"<div class=\"{CssClass}\">\n\n{markdown.Trim('\n')}\n\n</div>";

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
