namespace Reports.Linear;

/// <summary>One page of a Linear connection.</summary>
internal sealed record LinearPage<T>
{
    public IReadOnlyList<T> Nodes { get; init; } = [];

    public LinearPageInfo? PageInfo { get; init; }
}
