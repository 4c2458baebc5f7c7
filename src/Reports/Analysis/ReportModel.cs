using Reports.Model;

namespace Reports.Analysis;

/// <summary>
/// What the templates see (as snake_case members): the snapshot's facts interpreted and grouped
/// the way the report states them, plus the student's narrative notes.
/// </summary>
internal sealed record ReportModel
{
    public required string Title { get; init; }

    public string? Course { get; init; }

    public required Person Student { get; init; }

    public required WindowView Window { get; init; }

    /// <summary>When the data was collected, in the window's time zone; null when the snapshot does not say (schema version 1).</summary>
    public DateTimeOffset? CollectedAt { get; init; }

    /// <summary>The collection time as the page prints it, e.g. <c>2025-03-27 14:05 UTC+07:00</c>; null when unknown.</summary>
    public string? Collected { get; init; }

    /// <summary>Collected before the window ended: the week was still running, and its numbers may still grow.</summary>
    public bool InProgress { get; init; }

    /// <summary>What makes this report doubtful, from the collection and the notes; the page shows each to its reader.</summary>
    public IReadOnlyList<ReportWarning> Warnings { get; init; } = [];

    public IReadOnlyList<ReviewSummary> Reviews { get; init; } = [];

    public IReadOnlyList<MergeRequestRef> Merges { get; init; } = [];

    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    public IReadOnlyList<MergeRequestRef> Authored { get; init; } = [];

    public required TicketSummary Tickets { get; init; }

    /// <summary>
    /// False only when the snapshot says which sources ran and Linear is not among them: the
    /// report then says "not configured" rather than "no tickets". A version-1 snapshot does not say.
    /// </summary>
    public bool LinearConfigured { get; init; } = true;

    /// <summary>The sources the snapshot says ran, by name; empty when it does not say (schema version 1).</summary>
    public IReadOnlyList<SourceRun> Sources { get; init; } = [];

    /// <summary>
    /// The Linear tickets of every merge request the report cites, keyed by the merge request's
    /// <c>web_url</c> (an empty list when it has none), ordered by identifier: the student's own
    /// tickets and the snapshot's referenced tickets that it names or that Linear attached to it.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TicketLink>> MergeRequestTickets { get; init; } = new Dictionary<string, IReadOnlyList<TicketLink>>();

    public IReadOnlyList<AutomationEntry> Automation { get; init; } = [];

    public required WeekMetrics Metrics { get; init; }

    /// <summary>One entry per local date of the window, first to last.</summary>
    public IReadOnlyList<DayActivity> Activity { get; init; } = [];

    /// <summary>Something happened on at least one day: the activity chart has bars to draw.</summary>
    public bool HasActivity => Activity.Any(d => d.Total > 0);

    public IReadOnlyList<EvidenceGroup> Evidence { get; init; } = [];

    /// <summary>The student's notes; templates see each section wrapped by <see cref="Rendering.NarrativeMarkup"/>.</summary>
    public required Notes.NarrativeNotes Notes { get; init; }

    /// <summary>
    /// Each section's title and the student's text for it, with their notes on merge requests placed
    /// (<see cref="NotesPlacement"/>); templates see the student's words marked as theirs, as in <see cref="Notes"/>.
    /// </summary>
    public required ReportSections Sections { get; init; }

    /// <summary>How much of the week to show (<c>review:</c> in <c>evidence.yml</c>).</summary>
    public ReportOptions Options { get; init; } = new();
}
