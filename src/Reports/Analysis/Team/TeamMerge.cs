using Reports.Model;

namespace Reports.Analysis.Team;

/// <summary>
/// A merge of the week: who merged it, and who other than its author reviewed it (a thread before the
/// merge) or approved it. <see cref="ApprovalsRead"/> is false when the approvals were not collected.
/// </summary>
internal sealed record TeamMerge(MergeRequestRef MergeRequest, IReadOnlyList<Person> ReviewedBy, IReadOnlyList<Person> ApprovedBy, bool ApprovalsRead)
{
    public bool SelfMerged => MergeRequest.MergedBy is { } by && string.Equals(by.Username, MergeRequest.Author.Username, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reviewed or approved by someone other than the author before it was merged.</summary>
    public bool Checked => ReviewedBy.Count > 0 || ApprovedBy.Count > 0;
}
