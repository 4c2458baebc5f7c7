using Reports.Model;

namespace Reports.Analysis.Team;

/// <summary>
/// One student's line of the team week: the headline numbers of their report, the review they received
/// on their own merge requests, and the link to their report (relative to the team's root).
/// </summary>
internal sealed record TeamStudentWeek(Person Student, string ReportHref, WeekMetrics Metrics)
{
    /// <summary>Findings others started on the student's merge requests this week, by level.</summary>
    public ReviewMatrixCell Received { get; init; } = new("");

    /// <summary>Of <see cref="Received"/>'s findings, those resolved before their merge request was merged.</summary>
    public int ReceivedAddressed { get; init; }

    /// <summary>Nothing the report counts: no finding, reply, merge, commit, ticket or own merge request activity.</summary>
    public bool NoActivity { get; init; }

    /// <summary>False when the student's report says Linear was not configured: their ticket numbers are unknown, not zero.</summary>
    public bool LinearConfigured { get; init; } = true;
}
