namespace Reports.GitLab;

/// <summary>A commit of a merge request. Commits carry emails, never usernames.</summary>
internal sealed record GitLabCommit
{
    /// <summary>Full SHA.</summary>
    public string? Id { get; init; }

    public string? ShortId { get; init; }

    public string? Title { get; init; }

    public string? Message { get; init; }

    public string? AuthorName { get; init; }

    public string? AuthorEmail { get; init; }

    /// <summary>Keeps the author's offset, e.g. <c>+07:00</c>.</summary>
    public DateTimeOffset? AuthoredDate { get; init; }

    public string? CommitterName { get; init; }

    public string? CommitterEmail { get; init; }

    public DateTimeOffset? CommittedDate { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? WebUrl { get; init; }

    public IReadOnlyList<string>? ParentIds { get; init; }
}
