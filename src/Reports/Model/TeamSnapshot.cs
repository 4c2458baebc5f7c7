namespace Reports.Model;

/// <summary>
/// The team-level part of a window (docs/snapshot.md, version 3): every human review thread and
/// approval on the window's merge requests, by whom and on whose merge request, for the team week
/// report and the attention list. A student's <see cref="Snapshot"/> is unchanged by it.
/// </summary>
internal sealed record TeamSnapshot
{
    public required int SchemaVersion { get; init; }

    public required string Course { get; init; }

    /// <summary>The team's name in a course; null for a team of its own (<c>students:</c>).</summary>
    public string? Team { get; init; }

    /// <summary>The team's students, in the team's order.</summary>
    public required IReadOnlyList<Person> Students { get; init; }

    public required ReportWindow Window { get; init; }

    /// <summary>Merge requests merged in the window or with a human review thread started in it; by project, then iid.</summary>
    public IReadOnlyList<TeamMergeRequest> MergeRequests { get; init; } = [];
}
