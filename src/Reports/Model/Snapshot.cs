namespace Reports.Model;

/// <summary>
/// Everything collected for one student and one window: the facts the report states, as fetched
/// (comment bodies, ticket descriptions), already filtered by the "what counts" rules. Analysis
/// interprets the text (severity, fixes, scenarios); rendering never needs the network.
/// </summary>
public sealed record Snapshot
{
    public const int CurrentSchemaVersion = 1;

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

    /// <summary>Notes by the configured bot accounts on the merge requests above.</summary>
    public IReadOnlyList<AutomationNote> Automation { get; init; } = [];
}
