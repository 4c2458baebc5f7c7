namespace Reports.GitLab;

/// <summary>One note of a discussion; system notes ("approved this merge request") come mixed in.</summary>
internal sealed record GitLabNote
{
    public long Id { get; init; }

    /// <summary><c>DiscussionNote</c>, <c>DiffNote</c> or null.</summary>
    public string? Type { get; init; }

    public string? Body { get; init; }

    public GitLabUser? Author { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public bool System { get; init; }

    public long? NoteableId { get; init; }

    public string? NoteableType { get; init; }

    public int? NoteableIid { get; init; }

    public bool Resolvable { get; init; }

    public bool? Resolved { get; init; }

    public GitLabUser? ResolvedBy { get; init; }

    /// <summary>Often simply absent even on resolved notes.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Where a DiffNote is attached.</summary>
    public GitLabNotePosition? Position { get; init; }
}
