namespace Reports.GitLab;

/// <summary>A merge request from <c>GET /projects/:id/merge_requests</c>; every field may be absent.</summary>
internal sealed record GitLabMergeRequest
{
    public long Id { get; init; }

    public int Iid { get; init; }

    public long ProjectId { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>opened, closed, locked or merged.</summary>
    public string? State { get; init; }

    public GitLabUser? Author { get; init; }

    /// <summary>Who merged or set auto-merge; absent on old instances, see <see cref="MergedBy"/>.</summary>
    public GitLabUser? MergeUser { get; init; }

    /// <summary>Deprecated by GitLab, but sometimes the only merger field present.</summary>
    public GitLabUser? MergedBy { get; init; }

    public DateTimeOffset? MergedAt { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? WebUrl { get; init; }

    public string? SourceBranch { get; init; }

    public string? TargetBranch { get; init; }

    public IReadOnlyList<string>? Labels { get; init; }

    public GitLabReferences? References { get; init; }

    public IReadOnlyList<GitLabUser>? Reviewers { get; init; }

    public int? UserNotesCount { get; init; }

    public bool? Draft { get; init; }
}
