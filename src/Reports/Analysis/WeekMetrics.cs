using Reports.Analysis.Reviews;
using Reports.Model;

namespace Reports.Analysis;

/// <summary>The week at a glance.</summary>
internal sealed record WeekMetrics
{
    /// <summary>Findings per P-level; a level without findings may be absent.</summary>
    public IReadOnlyDictionary<Severity, int> Graded { get; init; } = new Dictionary<Severity, int>();

    public int P0 => CountOf(Severity.P0);

    public int P1 => CountOf(Severity.P1);

    public int P2 => CountOf(Severity.P2);

    public int P3 => CountOf(Severity.P3);

    public int Ungraded { get; init; }

    public int Findings => Graded.Values.Sum() + Ungraded;

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

    /// <summary>Tickets created in the window without a parent; sub-issues are counted apart, as section 4 and 5 state them.</summary>
    public int TicketsCreated { get; init; }

    /// <summary>Tickets created in the window under a parent.</summary>
    public int SubIssuesCreated { get; init; }

    public int StatusUpdates { get; init; }

    public int TicketsGroomed { get; init; }

    /// <summary>Median hours from a reviewed merge request's creation to the student's first finding on it.</summary>
    public double? MedianHoursToFirstFinding { get; init; }

    public int CountOf(Severity level) => Graded.GetValueOrDefault(level);
}
