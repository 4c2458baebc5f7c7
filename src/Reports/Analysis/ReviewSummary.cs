using Reports.Analysis.Reviews;
using Reports.Model;

namespace Reports.Analysis;

/// <summary>The student's review of one teammate's merge request, graded.</summary>
internal sealed record ReviewSummary
{
    public required MergeRequestRef MergeRequest { get; init; }

    /// <summary>Every finding, in the order posted.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Findings grouped P0 … P3, then ungraded; empty groups left out.</summary>
    public IReadOnlyList<SeverityGroup> Groups { get; init; } = [];

    /// <summary>Of <see cref="Groups"/>, the levels <c>review.in_full</c> names (P0 by default): each finding shown in full, with its fix.</summary>
    public IReadOnlyList<SeverityGroup> FullGroups { get; init; } = [];

    /// <summary>Of <see cref="Groups"/>, the others (ungraded too): one line per level listing its findings' titles.</summary>
    public IReadOnlyList<SeverityGroup> BriefGroups { get; init; } = [];

    /// <summary>Fewer findings than <c>review.compact_below</c>: the review is listed in one line under the full ones.</summary>
    public bool IsCompact { get; init; }

    public IReadOnlyList<Positive> Positives { get; init; } = [];

    public IReadOnlyList<Note> Replies { get; init; } = [];

    /// <summary>The student's stand-alone summary notes on this merge request.</summary>
    public IReadOnlyList<Note> SummaryNotes { get; init; } = [];

    /// <summary>"P0 ×5 · P1 ×4 · P2 ×3 · P3 ×4", graded levels with findings only, plus "ungraded ×N".</summary>
    public required string SeverityLine { get; init; }

    public required BlockerStatus Blockers { get; init; }

    /// <summary>Hours from the merge request's creation to the student's first finding on it, to one decimal; null without findings.</summary>
    public double? HoursToFirstFinding { get; init; }

    public int FindingCount => Findings.Count;

    public int P0 => CountOf(Severity.P0);

    public int P1 => CountOf(Severity.P1);

    public int P2 => CountOf(Severity.P2);

    public int P3 => CountOf(Severity.P3);

    public int Ungraded => Findings.Count(f => f.Level is null);

    /// <summary>Findings that come with at least one suggested fix.</summary>
    public int FindingsWithFix => Findings.Count(f => f.Fixes.Count > 0);

    public int CountOf(Severity level) => Findings.Count(f => f.Level == level);
}
