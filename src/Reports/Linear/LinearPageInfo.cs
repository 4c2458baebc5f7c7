namespace Reports.Linear;

/// <summary>A connection's <c>pageInfo</c>: follow <see cref="EndCursor"/> while <see cref="HasNextPage"/>.</summary>
internal sealed record LinearPageInfo
{
    public bool HasNextPage { get; init; }

    public string? EndCursor { get; init; }
}
