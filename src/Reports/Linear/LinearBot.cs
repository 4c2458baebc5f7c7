namespace Reports.Linear;

/// <summary>The integration or automation behind a history entry that has no human <c>actor</c>.</summary>
internal sealed record LinearBot
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }
}
