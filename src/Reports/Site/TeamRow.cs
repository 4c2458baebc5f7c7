using Reports.Model;

namespace Reports.Site;

/// <summary>One student's row of the team page: their index and one cell per week column.</summary>
internal sealed record TeamRow(Person Student, string Href, IReadOnlyList<TeamCell> Cells);
