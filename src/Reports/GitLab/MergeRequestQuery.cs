namespace Reports.GitLab;

/// <summary>Filters of <c>GET /projects/:id/merge_requests</c>; null means "not sent".</summary>
internal sealed record MergeRequestQuery
{
    /// <summary>opened, closed, locked, merged or all (GitLab's default).</summary>
    public string? State { get; init; }

    /// <summary>Inclusive. There is no <c>merged_after</c>: bound by this and filter <c>merged_at</c> locally.</summary>
    public DateTimeOffset? UpdatedAfter { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }

    public DateTimeOffset? CreatedAfter { get; init; }

    public DateTimeOffset? CreatedBefore { get; init; }

    public string? AuthorUsername { get; init; }

    /// <summary>created_at, updated_at (or merged_at on 17.2+).</summary>
    public string? OrderBy { get; init; }

    /// <summary>asc or desc.</summary>
    public string? Sort { get; init; }
}
