namespace Reports.Model;

/// <summary>A Linear issue the student created, moved or groomed in the window.</summary>
internal sealed record Ticket
{
    /// <summary>Team key and number, e.g. <c>SIRA-125</c>.</summary>
    public required string Identifier { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    /// <summary>Current workflow state name, e.g. "In Review".</summary>
    public required string State { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>True when the student created this issue within the window.</summary>
    public bool CreatedInWindow { get; init; }

    public TicketRef? Parent { get; init; }

    /// <summary>Description as written; planned scenarios are read from it.</summary>
    public string? Description { get; init; }

    /// <summary>The student's state moves in the window, oldest first.</summary>
    public IReadOnlyList<StatusChange> StatusChanges { get; init; } = [];

    /// <summary>The student's grooming edits in the window, oldest first.</summary>
    public IReadOnlyList<GroomingChange> Grooming { get; init; } = [];

    /// <summary>URLs of merge requests Linear has attached to this issue.</summary>
    public IReadOnlyList<string> AttachmentUrls { get; init; } = [];
}
