namespace Reports.Site;

/// <summary>
/// The grade book as an output of a team's or a course's run: <c>gradebook.csv</c> and <c>gradebook.json</c>
/// at the team's folder and at the course's root (<see cref="GradeBook"/>), from every week the folder holds
/// after the run. A student's own site has none.
/// </summary>
internal sealed class GradeBookOutput : ISiteOutput
{
    public string Name => "gradebook";

    public WeekDrawing Draws => WeekDrawing.None;

    public void CheckWritable(SiteLayout? team)
    {
    }

    public IEnumerable<SiteFile> Week(SiteLayout layout, string folder, DrawnWeek week) => [];

    public IEnumerable<SiteFile> Team(TeamRun team) =>
        team.Layout.IsTeam && team.Listed is { } listed ? GradeBook.Files(team.Layout.Root, GradeBook.Rows([listed], relativeToTeam: true)) : [];

    public IEnumerable<SiteFile> Course(CourseRun course) => GradeBook.Files("", GradeBook.Rows(course.Teams));
}
