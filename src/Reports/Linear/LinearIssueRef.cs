namespace Reports.Linear;

/// <summary>Another issue as an issue or a history entry points at it (parent, from/to parent).</summary>
public sealed record LinearIssueRef
{
    public string Id { get; init; } = "";

    public string? Identifier { get; init; }
}
