namespace Reports.GitLab;

/// <summary>Answer of <c>GET /projects/:id/merge_requests/:iid/approvals</c>.</summary>
internal sealed record GitLabApprovals
{
    public bool? Approved { get; init; }

    public IReadOnlyList<GitLabApprover>? ApprovedBy { get; init; }
}
