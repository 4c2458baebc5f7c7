using Reports.Model;

namespace Reports.Analysis;

/// <summary>The student's review of one teammate's merge request, graded.</summary>
public sealed record ReviewSummary
{
    public required MergeRequestRef MergeRequest { get; init; }

    /// <summary>Every finding, in the order posted.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Findings grouped P0 … P3, then ungraded; empty groups left out.</summary>
    public IReadOnlyList<SeverityGroup> Groups { get; init; } = [];

    public IReadOnlyList<Positive> Positives { get; init; } = [];

    public IReadOnlyList<Note> Replies { get; init; } = [];

    /// <summary>The student's stand-alone summary notes on this merge request.</summary>
    public IReadOnlyList<Note> SummaryNotes { get; init; } = [];

    /// <summary>"P0 ×5 · P1 ×4 · P2 ×3 · P3 ×4", graded levels with findings only, plus "ungraded ×N".</summary>
    public required string SeverityLine { get; init; }

    public required BlockerStatus Blockers { get; init; }

    public int FindingCount => Findings.Count;

    /// <summary>Findings that come with at least one suggested fix.</summary>
    public int FindingsWithFix => Findings.Count(f => f.Fixes.Count > 0);
}
