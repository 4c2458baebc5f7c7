namespace Reports.Notes;

/// <summary>
/// The student's narrative for one week, split by <c>## heading</c>: headings whose id is a report
/// section id fill that section (and with an explicit <c>{#id}</c> give it their title); any other
/// heading becomes an extra section, in file order. <c>### !109</c> subheadings hold notes for one
/// merge request (<see cref="MergeRequests"/>), apart from their section's text.
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

    /// <summary>
    /// The titles the student gave report sections, by section id: only a heading with an explicit
    /// <c>{#id}</c> whose text is more than the id gives one (<c>## BDD Coverage Planning {#planning}</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>();

    /// <summary>The notes for one merge request, in file order, each with the section it is under.</summary>
    public IReadOnlyList<MergeRequestNote> MergeRequests { get; init; } = [];

    /// <summary>The images the notes show from files beside them, checked and to be copied beside the page; empty for notes given as text.</summary>
    public IReadOnlyList<NoteImage> Images { get; init; } = [];

    /// <summary>What in the notes is read but is likely a mistake, in file order.</summary>
    public IReadOnlyList<Model.ReportWarning> Warnings { get; init; } = [];

    /// <summary>Set when the week's notes file is not there: the warning naming the path it wanted, shown on the page too.</summary>
    public Model.ReportWarning? Missing { get; init; }

    /// <summary>Where the notes were read from, or null when there were none.</summary>
    [MachineSpecific]
    public string? SourcePath { get; init; }
}
