namespace Reports.Notes;

/// <summary>A notes section under a heading that is not a report section id.</summary>
internal sealed record NoteSection(string Id, string Title, string Markdown);
