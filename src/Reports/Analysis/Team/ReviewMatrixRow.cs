using Reports.Model;

namespace Reports.Analysis.Team;

/// <summary>One reviewer's row of the review matrix: a cell per merge request author, in the matrix's column order.</summary>
internal sealed record ReviewMatrixRow(Person Reviewer, bool IsStudent, IReadOnlyList<ReviewMatrixCell> Cells)
{
    /// <summary>The reviewer's report of the week, relative to the team's root, for a student of the team; null otherwise.</summary>
    public string? ReportHref { get; init; }

    public int Threads => Cells.Sum(c => c.Threads);
}
