namespace Reports.Analysis;

/// <summary>The week at a glance.</summary>
public sealed record WeekMetrics
{
    public int P0 { get; init; }

    public int P1 { get; init; }

    public int P2 { get; init; }

    public int P3 { get; init; }

    public int Ungraded { get; init; }

    public int Findings => P0 + P1 + P2 + P3 + Ungraded;

    public int Positives { get; init; }

    /// <summary>P0 and P1 findings on merged merge requests.</summary>
    public int BlockersOnMerged { get; init; }

    /// <summary>Of those, resolved before the merge.</summary>
    public int BlockersAddressed { get; init; }

    public int Replies { get; init; }

    public int Reviewed { get; init; }

    public int Merged { get; init; }

    public int ContributedTo { get; init; }

    public int Commits { get; init; }

    public int TicketsCreated { get; init; }

    public int StatusUpdates { get; init; }

    public int TicketsGroomed { get; init; }

    /// <summary>Median hours from a reviewed merge request's creation to the student's first finding on it.</summary>
    public double? MedianHoursToFirstFinding { get; init; }
}
