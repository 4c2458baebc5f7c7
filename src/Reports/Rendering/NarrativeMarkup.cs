using Reports.Notes;

namespace Reports.Rendering;

/// <summary>
/// Marks the student's own words in the report: every placed notes section reaches the templates
/// wrapped in <c>&lt;div class="narrative"&gt;</c>, which the page's stylesheet labels
/// "Student's notes", so a reader can tell narrative from the facts collected from GitLab and Linear.
/// </summary>
public static class NarrativeMarkup
{
    public const string CssClass = "narrative";

    /// <summary>
    /// The notes with each section's Markdown wrapped. Blank lines after the opening tag and before
    /// the closing one make both CommonMark HTML blocks of their own, so the text between stays Markdown.
    /// </summary>
    public static NarrativeNotes Wrap(NarrativeNotes notes) => notes with
    {
        Overview = Wrap(notes.Overview),
        Reviews = Wrap(notes.Reviews),
        Merges = Wrap(notes.Merges),
        Contributions = Wrap(notes.Contributions),
        Impact = Wrap(notes.Impact),
        Tickets = Wrap(notes.Tickets),
        Planning = Wrap(notes.Planning),
        Automation = Wrap(notes.Automation),
        Extra = [.. notes.Extra.Select(section => section with { Markdown = Wrap(section.Markdown)! })],
    };

    private static string? Wrap(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? markdown : $"<div class=\"{CssClass}\">\n\n{markdown.Trim('\n')}\n\n</div>";
}
