namespace Reports.Model;

/// <summary>
/// A Linear issue that a merge request in the report names or that Linear attached to one, and
/// that is not among the student's own <see cref="Snapshot.Tickets"/>: what the report needs to
/// say which ticket a merge request delivers.
/// </summary>
internal sealed record ReferencedTicket
{
    /// <summary>Team key and number, e.g. <c>SIRA-125</c>.</summary>
    public required string Identifier { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    /// <summary>Current workflow state name, e.g. "Done".</summary>
    public required string State { get; init; }

    /// <summary>URLs of merge requests Linear has attached to this issue.</summary>
    public IReadOnlyList<string> AttachmentUrls { get; init; } = [];
}
