namespace Reports.Model;

/// <summary>One GitLab note (comment) by the student.</summary>
internal sealed record Note
{
    public required long NoteId { get; init; }

    public required string Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Url { get; init; }
}
