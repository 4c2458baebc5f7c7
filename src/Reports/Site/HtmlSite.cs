using Reports.Config;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site.Feeds;

namespace Reports.Site;

/// <summary>
/// The HTML site (<c>site.format: html</c>): each week's <c>{slug}/index.html</c> and <c>report.md</c> with the
/// notes' images beside them (under <c>{username}/</c> in team mode), each student's <c>weeks.json</c>, index
/// and Atom feed; for a team, its team weeks, team page (and the view by total), <c>team.json</c> and feed;
/// for a course, the course index and a view per tutor.
/// </summary>
/// <param name="site">The <c>site:</c> settings; feeds link absolutely under its <c>base_url</c>.</param>
internal sealed class HtmlSite(TemplateEngine templates, string outputDirectory, SiteConfig site) : ISiteOutput
{
    private readonly SitePages _pages = new(templates);
    private readonly AtomFeeds _feeds = new(site.BaseUrl);

    public string Name => "html";

    public WeekDrawing Draws => WeekDrawing.Page;

    public void CheckWritable(SiteLayout? team)
    {
        if (team is null)
        {
            SiteShape.CheckWritableCourse(outputDirectory);
        }
        else
        {
            SiteShape.CheckWritable(outputDirectory, team);
        }
    }

    public IEnumerable<SiteFile> Week(SiteLayout layout, string folder, DrawnWeek week)
    {
        var report = week.Page ?? throw new ArgumentException("the HTML site needs the week's page drawn", nameof(week));
        if (report.Slug != week.Entry.Slug)
        {
            throw new InvalidOperationException($"the page of '{week.Entry.Slug}' was rendered as '{report.Slug}'");
        }

        yield return new SiteFile($"{folder}{report.Slug}/report.md", report.Markdown);
        yield return new SiteFile($"{folder}{report.Slug}/index.html", report.Html);
        foreach (var image in report.Images)
        {
            // Beside the page, where the notes' relative path leads from it.
            yield return SiteFile.Binary($"{folder}{report.Slug}/{image.Path}", NoteImages.Read(image));
        }
    }

    public IEnumerable<SiteFile> Team(TeamRun team)
    {
        var (layout, known) = (team.Layout, team.Known);
        if (!layout.IsTeam)
        {
            yield return new SiteFile(SiteEntries.FileName, SiteEntries.Serialize(known[""]));
            yield return new SiteFile("index.html", _pages.StudentIndex(known[""], student: null, teamHref: null));
            yield return new SiteFile(AtomFeeds.FileName, _feeds.Student(known[""], student: null, folder: ""));
            yield break;
        }

        var root = layout.Root;
        foreach (var week in team.TeamWeeks)
        {
            var page = week.Render(TeamNav(team.KnownTeamWeeks, week.Entry.Slug));
            yield return new SiteFile($"{root}{week.Entry.Slug}/{ReportKinds.TeamWeek.MarkdownFile}", page.Markdown);
            yield return new SiteFile($"{root}{week.Entry.Slug}/index.html", page.Html);
        }

        if (team.KnownTeamWeeks.Count > 0)
        {
            yield return new SiteFile(root + TeamWeeks.FileName, TeamWeeks.Serialize(team.KnownTeamWeeks));
        }

        var everyone = layout.Students.SelectMany(s => known[layout.FolderOf(s.Username)]).ToList();
        foreach (var student in layout.Students)
        {
            var folder = layout.FolderOf(student.Username);
            yield return new SiteFile($"{folder}{SiteEntries.FileName}", SiteEntries.Serialize(known[folder]));
            yield return new SiteFile($"{folder}index.html", _pages.StudentIndex(known[folder], student, teamHref: "../index.html"));
            yield return new SiteFile($"{folder}{AtomFeeds.FileName}", _feeds.Student(known[folder], student, folder, everyone));
        }

        List<(Model.Person, IReadOnlyList<SiteEntry>)> members = [.. layout.Students.Select(s => (s, (IReadOnlyList<SiteEntry>)known[layout.FolderOf(s.Username)]))];
        yield return new SiteFile(root + "index.html", _pages.TeamPage(members, layout.Name, team.KnownTeamWeeks));
        yield return new SiteFile(root + SitePages.ByTotalFile, _pages.TeamPage(members, layout.Name, team.KnownTeamWeeks, byTotal: true));
        yield return new SiteFile(root + TeamSummary.FileName, new TeamSummary(layout.Name, [.. layout.Students.Select(s => new TeamMember(s.Username, s.Name, layout.TutorOf(s.Username)))]).Serialize());
        yield return new SiteFile(root + AtomFeeds.FileName, _feeds.Team([.. layout.Students.Select(s => (s, layout.FolderOf(s.Username), known[layout.FolderOf(s.Username)]))], root, layout.Name));
    }

    public IEnumerable<SiteFile> Course(CourseRun course) => new CourseIndex(templates).Pages(course.Teams, course.Title);

    private static WeekNav TeamNav(IReadOnlyList<TeamWeekEntry> weeks, string slug)
    {
        var i = weeks.ToList().FindIndex(e => e.Slug == slug);
        SiteLink? Link(int at) => at >= 0 && at < weeks.Count ? new SiteLink($"../{weeks[at].Href}", weeks[at].Label) : null;
        return new WeekNav("../index.html", "../index.html", Link(i - 1), Link(i + 1));
    }
}
