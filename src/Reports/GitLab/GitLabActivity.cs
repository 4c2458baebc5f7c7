using Reports.Model;

namespace Reports.GitLab;

/// <summary>The GitLab parts of a <see cref="Snapshot"/>, already filtered by the "what counts" rules.</summary>
public sealed record GitLabActivity
{
    public IReadOnlyList<ReviewedMergeRequest> Reviews { get; init; } = [];

    public IReadOnlyList<MergeRequestRef> Merges { get; init; } = [];

    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    public IReadOnlyList<MergeRequestRef> AuthoredMergeRequests { get; init; } = [];

    public IReadOnlyList<AutomationNote> Automation { get; init; } = [];

    /// <summary>Copies these parts into <paramref name="snapshot"/>.</summary>
    public Snapshot ApplyTo(Snapshot snapshot) => snapshot with
    {
        Reviews = Reviews,
        Merges = Merges,
        Contributions = Contributions,
        AuthoredMergeRequests = AuthoredMergeRequests,
        Automation = Automation,
    };
}
