namespace Reports.Rendering;

/// <summary>
/// The one place report kinds are registered. The student's weekly report is the first kind; the team
/// week (a team's digest of who reviewed, approved and merged what) the second. A third kind is its
/// model and builder in <c>Analysis/</c>, its templates, and a line here.
/// </summary>
internal static class ReportKinds
{
    /// <summary>A student's week: <c>{username}/{slug}/report.md</c> and its page.</summary>
    public static readonly ReportKind Student = new("student", "report.md.sbn", "page.html.sbn", "report.md");

    /// <summary>A team's week: <c>{slug}/team.md</c> beside the students' folders, and its page.</summary>
    public static readonly ReportKind TeamWeek = new("team-week", "team-week.md.sbn", "team-week.html.sbn", "team.md");

    public static IReadOnlyList<ReportKind> All { get; } = [Student, TeamWeek];
}
