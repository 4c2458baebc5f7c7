namespace Reports.Model;

/// <summary>Commits the student pushed to a teammate's merge request.</summary>
internal sealed record Contribution
{
    public required MergeRequestRef MergeRequest { get; init; }

    public IReadOnlyList<CommitRef> Commits { get; init; } = [];
}
