namespace Reports.Analysis;

/// <summary>
/// One section of the report as the notes shape it: its title (the student's, from a <c>## Title {#id}</c>
/// heading, else the report's own), the student's text for it, and their notes on merge requests.
/// </summary>
internal sealed record ReportSection
{
    public required string Id { get; init; }

    /// <summary>The section's title without its number: the student's inline Markdown when they gave one, else <see cref="DefaultTitle"/>.</summary>
    public required string Title { get; init; }

    /// <summary>The report's own title for the section ("Merge Coordination"), plain text.</summary>
    public required string DefaultTitle { get; init; }

    /// <summary>The student's text for the section, without their merge request notes; null when they wrote none.</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// The student's note on each merge request the section lists, by the merge request's <c>web_url</c>:
    /// every listed merge request has an entry, null when there is no note on it.
    /// </summary>
    public IReadOnlyDictionary<string, MergeRequestNoteView?> MergeRequestNotes { get; init; } = new Dictionary<string, MergeRequestNoteView?>();

    /// <summary>Notes on merge requests the section does not list, in file order: each a subsection of its own.</summary>
    public IReadOnlyList<MergeRequestNoteView> Subsections { get; init; } = [];
}
