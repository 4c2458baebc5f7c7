namespace Reports.Model;

/// <summary>
/// Everything collected for one student and one window: the facts the report states, as fetched
/// (comment bodies, ticket descriptions), already filtered by the "what counts" rules. Analysis
/// interprets the text (severity, fixes, scenarios); rendering never needs the network.
/// </summary>
internal sealed record Snapshot
{
    /// <summary>
    /// 3 added <see cref="Warnings"/> and the team snapshot (<see cref="TeamSnapshot"/>), 2 added <see cref="Sources"/>;
    /// versions 1 and 2 are still read. Later additions to 3 are optional members only.
    /// </summary>
    public const int CurrentSchemaVersion = 3;

    public required int SchemaVersion { get; init; }

    public required string Course { get; init; }

    public required Person Student { get; init; }

    public required ReportWindow Window { get; init; }

    /// <summary>Teammates' merge requests on which the student started review threads or wrote a summary.</summary>
    public IReadOnlyList<ReviewedMergeRequest> Reviews { get; init; } = [];

    /// <summary>Merge requests the student merged in the window.</summary>
    public IReadOnlyList<MergeRequestRef> Merges { get; init; } = [];

    /// <summary>Commits the student authored in the window on teammates' merge requests.</summary>
    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    /// <summary>The student's own merge requests with activity in the window.</summary>
    public IReadOnlyList<MergeRequestRef> AuthoredMergeRequests { get; init; } = [];

    /// <summary>Linear issues the student created, moved or groomed in the window.</summary>
    public IReadOnlyList<Ticket> Tickets { get; init; } = [];

    /// <summary>
    /// Linear issues that the merge requests above name or that Linear attached to them, other than
    /// <see cref="Tickets"/>; null when there are none (and in snapshots written before this member).
    /// </summary>
    public IReadOnlyList<ReferencedTicket>? ReferencedTickets { get; init; }

    /// <summary>Notes by the configured bot accounts on the merge requests above.</summary>
    public IReadOnlyList<AutomationNote> Automation { get; init; } = [];

    /// <summary>
    /// The sources that ran, by name; null when the snapshot does not say (schema version 1), so a
    /// missing source is told apart from a source that found nothing only when this is set.
    /// </summary>
    public IReadOnlyList<SourceRun>? Sources { get; init; }

    /// <summary>
    /// What the collection found that makes this report doubtful (schema version 3): an empty
    /// <c>student.emails</c>, a window in which no project had any activity; null when there is none.
    /// </summary>
    public IReadOnlyList<ReportWarning>? Warnings { get; init; }
}
