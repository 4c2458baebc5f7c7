namespace Reports.Linear;

/// <summary>Another issue as an issue or a history entry points at it (parent, from/to parent).</summary>
internal sealed record LinearIssueRef
{
    public string Id { get; init; } = "";

    public string? Identifier { get; init; }

    /// <summary>Asked for on an issue's parent only (the report names the parent of a sub-issue).</summary>
    public string? Title { get; init; }

    public string? Url { get; init; }
}
