namespace Reports.Analysis;

/// <summary>Whether the P0 and P1 findings on a merge request were resolved before it was merged.</summary>
internal sealed record BlockerStatus
{
    public required bool Merged { get; init; }

    /// <summary>Number of P0 and P1 findings.</summary>
    public required int Total { get; init; }

    /// <summary>Of <see cref="Total"/>, resolved no later than the merge (none while the merge request is open).</summary>
    public required int Addressed { get; init; }

    /// <summary>Of <see cref="Total"/>, resolved by now, merged or not: what an open merge request's sentence counts.</summary>
    public int Resolved { get; init; }

    public IReadOnlyList<Finding> Unaddressed { get; init; } = [];

    public bool AllAddressed => Merged && Addressed == Total;
}
