using Reports.Config;
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

    IReadOnlyList<string> IFetchedWindow.Covered => Projects;

    public void ContributeTo(StudentConfig student, SnapshotBuilder snapshot) =>
        new GitLabRules(student, Bots, Window).Apply(MergeRequests, snapshot);

    public void ContributeTo(TeamSnapshotBuilder team) =>
        GitLabTeamRules.Apply(MergeRequests, Bots, Window, team);
}
