namespace Reports.Linear;

/// <summary>A cycle (Linear's sprint).</summary>
internal sealed record LinearCycle
{
    public string Id { get; init; } = "";

    public int? Number { get; init; }

    public string? Name { get; init; }
}
