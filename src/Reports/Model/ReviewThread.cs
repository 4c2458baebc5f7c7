namespace Reports.Model;

/// <summary>A discussion thread started by the student; <see cref="Body"/> is its first note, as written.</summary>
internal sealed record ReviewThread
{
    /// <summary>GitLab's 40-hex discussion id.</summary>
    public required string DiscussionId { get; init; }

    /// <summary>Id of the first note; the thread's link is <c>{mr web_url}#note_{id}</c>.</summary>
    public required long NoteId { get; init; }

    public required string Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Url { get; init; }

    public bool Resolved { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>File the thread is attached to, for diff comments.</summary>
    public string? FilePath { get; init; }

    public int? Line { get; init; }
}
