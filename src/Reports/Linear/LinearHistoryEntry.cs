namespace Reports.Linear;

/// <summary>
/// One change to an issue. A state move has both <see cref="FromState"/> and <see cref="ToState"/>;
/// the creation entry has only <see cref="ToState"/>. Grooming shows in the estimate, priority,
/// title, description, label, parent and cycle fields.
/// </summary>
internal sealed record LinearHistoryEntry
{
    public string Id { get; init; } = "";

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The person who made the change; null for integrations (see <see cref="BotActor"/>).</summary>
    public LinearUser? Actor { get; init; }

    public LinearBot? BotActor { get; init; }

    public LinearState? FromState { get; init; }

    public LinearState? ToState { get; init; }

    public double? FromEstimate { get; init; }

    public double? ToEstimate { get; init; }

    public double? FromPriority { get; init; }

    public double? ToPriority { get; init; }

    public string? FromTitle { get; init; }

    public string? ToTitle { get; init; }

    /// <summary>True when the description changed; Linear does not send the texts.</summary>
    public bool? UpdatedDescription { get; init; }

    public IReadOnlyList<string>? AddedLabelIds { get; init; }

    public IReadOnlyList<string>? RemovedLabelIds { get; init; }

    public LinearIssueRef? FromParent { get; init; }

    public LinearIssueRef? ToParent { get; init; }

    public LinearCycle? FromCycle { get; init; }

    public LinearCycle? ToCycle { get; init; }
}
