namespace Reports.Notes;

/// <summary>
/// The student's narrative for one week, split by <c>## heading</c>: headings whose id is a report
/// section id fill that section; any other heading becomes an extra section, in file order.
/// </summary>
internal sealed record NarrativeNotes
{
    public static readonly IReadOnlyList<string> SectionIds =
        ["overview", "reviews", "merges", "contributions", "impact", "tickets", "planning", "automation"];

    public static NarrativeNotes Empty { get; } = new();

    public string? Overview { get; init; }

    public string? Reviews { get; init; }

    public string? Merges { get; init; }

    public string? Contributions { get; init; }

    /// <summary>"Review Impact": what the week's reviews changed.</summary>
    public string? Impact { get; init; }

    public string? Tickets { get; init; }

    public string? Planning { get; init; }

    public string? Automation { get; init; }

    public IReadOnlyList<NoteSection> Extra { get; init; } = [];

    /// <summary>What the reader should know about the notes (a missing file, a heading the report cannot place), in file order.</summary>
    public IReadOnlyList<Model.ReportWarning> Warnings { get; init; } = [];

    /// <summary>Where the notes were read from, or null when there were none.</summary>
    [MachineSpecific]
    public string? SourcePath { get; init; }
}
