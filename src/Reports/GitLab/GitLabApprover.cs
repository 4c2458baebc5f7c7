namespace Reports.GitLab;

/// <summary>One entry of <c>approved_by</c>: <c>{ "user": {...} }</c>.</summary>
internal sealed record GitLabApprover
{
    public GitLabUser? User { get; init; }
}
