namespace Reports.Site;

/// <summary>
/// A team (or the one student of a student's site) once its weeks of the run are written, as the outputs
/// see it: each student's weeks by folder, those already in the output folder and this run's, oldest first,
/// and the team weeks likewise.
/// </summary>
/// <param name="TeamWeeks">This run's team weeks, still to be drawn.</param>
/// <param name="KnownTeamWeeks">Every team week of the team's folder after this run, oldest first.</param>
internal sealed record TeamRun(
    SiteLayout Layout, IReadOnlyDictionary<string, List<SiteEntry>> Known, IReadOnlyList<TeamWeekPage> TeamWeeks, IReadOnlyList<TeamWeekEntry> KnownTeamWeeks)
{
    /// <summary>The team as the course pages and grade book list it; null when no student has a week.</summary>
    public CourseTeam? Listed { get; } = CourseIndex.Team(Layout, Known) is { } team ? team with { TeamWeeks = KnownTeamWeeks } : null;
}
