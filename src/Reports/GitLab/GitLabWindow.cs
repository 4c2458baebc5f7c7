using Reports.Config;
using Reports.Model;
using Reports.Sources;

namespace Reports.GitLab;

/// <summary>
/// The merge requests that can matter to a window, fetched once for everyone; each student's facts
/// are picked from them by <see cref="GitLabRules"/>, in memory.
/// </summary>
internal sealed record GitLabWindow : ITeamWindow
{
    /// <summary>Instance base URL without credentials.</summary>
    public required Uri Instance { get; init; }

    public required CollectionWindow Window { get; init; }

    /// <summary>Full paths of the projects read, in the configured order.</summary>
    public required IReadOnlyList<string> Projects { get; init; }

    /// <summary>Accounts whose notes are automation: a course setting, the same for every student.</summary>
    public IReadOnlyList<string> Bots { get; init; } = [];

    /// <summary>Updated since the window started and created before it ended, by project then iid.</summary>
    public IReadOnlyList<FetchedMergeRequest> MergeRequests { get; init; } = [];

    /// <summary>Set only when no merge request of any project had activity in the window: each project's newest activity.</summary>
    public IReadOnlyList<ProjectActivity>? Quiet { get; init; }

    IReadOnlyList<string> IFetchedWindow.Covered => Projects;

    public void ContributeTo(StudentConfig student, SnapshotBuilder snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rules = new GitLabRules(student, Bots, Window);
        rules.Apply(MergeRequests, snapshot);
        foreach (var warning in GitLabWarnings.For(student, this, rules, snapshot.Window))
        {
            snapshot.Warnings.Add(warning);
        }
    }

    /// <summary>Opened, merged or closed in the window, or a commit or human note then.</summary>
    public static bool HasActivity(FetchedMergeRequest mr, CollectionWindow window) =>
        window.Contains(mr.Raw.CreatedAt)
        || window.Contains(mr.Raw.MergedAt)
        || window.Contains(mr.Raw.ClosedAt)
        || mr.Commits.Any(c => window.Contains(c.AuthoredDate))
        || mr.Discussions.SelectMany(d => d.Notes ?? []).Any(n => !n.System && window.Contains(n.CreatedAt));

    public void ContributeTo(TeamSnapshotBuilder team) =>
        GitLabTeamRules.Apply(MergeRequests, Bots, Window, team);
}
