using Reports.Model;

namespace Reports.Site;

/// <summary>One student's row of the team page: their index and one cell per week column.</summary>
internal sealed record TeamRow(Person Student, string Href, IReadOnlyList<TeamCell> Cells)
{
    /// <summary>The student's numbers summed over the weeks shown; tickets null when no week collected them.</summary>
    public WeekCounts Totals { get; } = WeekCounts.Sum(Cells.Select(c => c.Entry?.Counts));
}
