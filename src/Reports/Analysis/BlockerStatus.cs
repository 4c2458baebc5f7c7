namespace Reports.Analysis;

/// <summary>Whether the P0 and P1 findings on a merge request were resolved before it was merged.</summary>
internal sealed record BlockerStatus
{
    public required bool Merged { get; init; }

    /// <summary>Number of P0 and P1 findings.</summary>
    public required int Total { get; init; }

    public required int Addressed { get; init; }

    public IReadOnlyList<Finding> Unaddressed { get; init; } = [];

    public bool AllAddressed => Merged && Addressed == Total;
}
