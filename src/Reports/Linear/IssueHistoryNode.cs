namespace Reports.Linear;

/// <summary>An issue with one page of its history, as the history queries answer.</summary>
internal sealed record IssueHistoryNode
{
    public string Id { get; init; } = "";

    public string Identifier { get; init; } = "";

    public LinearPage<LinearHistoryEntry>? History { get; init; }
}
