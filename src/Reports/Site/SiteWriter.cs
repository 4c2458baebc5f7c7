using Reports.Config;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site.Feeds;

namespace Reports.Site;

/// <summary>
/// Writes reports into the output folder (<c>{slug}/report.md</c>, <c>{slug}/index.html</c> and the images
/// the notes show, copied beside them; under
/// <c>{username}/</c> in team mode), each student's list of weeks (<c>weeks.json</c>), index and Atom
/// feed (<c>feed.xml</c>), and in team mode the team page and feed, all in one
/// <see cref="SiteCommit"/>: a failed run leaves the old site, never a mix of two.
/// </summary>
/// <remarks>
/// The weeks a page links to (previous, next) and an index lists are those known when the run
/// writes: the weeks already there (see <see cref="SiteEntries"/>) plus this run's. A page written earlier is
/// not rewritten when a later run adds its neighbour; the next run that writes it links it.
/// </remarks>
/// <param name="site">The <c>site:</c> settings; feeds link absolutely under its <c>base_url</c>.</param>
internal sealed class SiteWriter(TemplateEngine templates, string outputDirectory, ISiteFileSystem? files = null, SiteConfig? site = null)
{
    /// <summary>
    /// Students drawn ahead of the one being written (here and in the Hugo export). Measured on the
    /// 700-report site: two ahead is no faster than one and peaks higher.
    /// </summary>
    internal const int StudentsAhead = 1;

    private readonly SitePages _pages = new(templates);
    private readonly AtomFeeds _feeds = new(site?.BaseUrl);

    public string OutputDirectory { get; } = Path.GetFullPath(outputDirectory);

    /// <summary>Writes already rendered pages of one student (no previous/next links).</summary>
    /// <returns>The paths written, in order.</returns>
    public IReadOnlyList<string> Write(IReadOnlyList<(RenderedReport Report, SiteEntry Entry)> reports, CancellationToken ct = default) =>
        Write(SiteLayout.Single, [[.. reports.Select(r => new SiteWeek(r.Entry.Username ?? "", r.Entry.Slug, r.Entry.Label, r.Entry.Start, _ => r))]], ct);

    /// <summary>
    /// Writes the weeks of <paramref name="students"/>, each item one student's weeks of this run. The
    /// items are read one at a time as the site is written, so a caller may load each student's
    /// snapshots as it is asked for them: at most three students are in memory at once (one being
    /// written, the next being drawn, the one after it read).
    /// </summary>
    /// <returns>The paths written, in order: each week's files, each student's weeks, index and feed, the team page and feed.</returns>
    /// <param name="teamWeeks">A team's weeks of this run (the team digest), written beside the students' folders.</param>
    public IReadOnlyList<string> Write(SiteLayout layout, IEnumerable<IReadOnlyList<SiteWeek>> students, CancellationToken ct = default, IReadOnlyList<TeamWeekPage>? teamWeeks = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(students);
        SiteShape.CheckWritable(OutputDirectory, layout);
        var commit = new SiteCommit(OutputDirectory, files);

        // A killed run's weeks must be in place before the indexes list what is there.
        commit.Recover();
        return commit.Commit(Files(layout, students, teamWeeks ?? [], OnDisk(layout), (_, _) => { }, ct), ct);
    }

    /// <summary>
    /// Writes every team of a course into its folder (<see cref="SiteLayout.Root"/>) and the course
    /// index over them, in one commit: each team as <see cref="Write(SiteLayout, IEnumerable{IReadOnlyList{SiteWeek}}, CancellationToken)"/>
    /// writes it, one team after the other, so only a few students' weeks are in memory at once.
    /// </summary>
    /// <param name="title">The course index's heading; null for the course title of the newest report.</param>
    /// <returns>The paths written, in order: each team's files, then the course pages.</returns>
    public IReadOnlyList<string> WriteCourse(IEnumerable<(SiteLayout Layout, IEnumerable<IReadOnlyList<SiteWeek>> Students, IReadOnlyList<TeamWeekPage> TeamWeeks)> teams, string? title, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(teams);
        SiteShape.CheckWritableCourse(OutputDirectory);
        var commit = new SiteCommit(OutputDirectory, files);
        commit.Recover();
        return commit.Commit(CourseFiles(teams, title, ct), ct);
    }

    private IEnumerable<SiteFile> CourseFiles(IEnumerable<(SiteLayout Layout, IEnumerable<IReadOnlyList<SiteWeek>> Students, IReadOnlyList<TeamWeekPage> TeamWeeks)> teams, string? title, CancellationToken ct)
    {
        var built = new List<CourseTeam>();
        foreach (var (layout, students, teamWeeks) in teams)
        {
            if (layout.Name is null)
            {
                throw new ArgumentException("every team of a course has a name", nameof(teams));
            }

            SiteShape.CheckWritable(OutputDirectory, layout);
            foreach (var file in Files(layout, students, teamWeeks, OnDisk(layout), (known, weeks) => built.Add(CourseIndex.Team(layout, known)! with { TeamWeeks = weeks }), ct))
            {
                yield return file;
            }
        }

        // Team sites of earlier runs that this run did not write (another config's) stay listed.
        var teamsHere = built.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var listed = CourseIndex.Teams(OutputDirectory, existing: true).Where(t => !teamsHere.Contains(t.Name)).Concat(built)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var page in new CourseIndex(templates).Pages(listed, title))
        {
            yield return page;
        }

        foreach (var file in GradeBook.Files("", GradeBook.Rows(listed)))
        {
            yield return file;
        }
    }

    private Dictionary<string, List<SiteEntry>> OnDisk(SiteLayout layout)
    {
        var folders = layout.IsTeam ? layout.Students.Select(s => layout.FolderOf(s.Username)).ToList() : [""];
        return folders.ToDictionary(f => f, f => SiteEntries.In(Path.Combine(OutputDirectory, f)).ToList());
    }

    // Each week's files as its page is rendered, then the indexes: the commit writes each as it comes.
    /// <param name="done">Told each student's weeks (by folder, oldest first) and the team weeks once the weeks are written and before the indexes are.</param>
    private IEnumerable<SiteFile> Files(
        SiteLayout layout, IEnumerable<IReadOnlyList<SiteWeek>> students, IReadOnlyList<TeamWeekPage> teamWeeks, Dictionary<string, List<SiteEntry>> onDisk,
        Action<IReadOnlyDictionary<string, List<SiteEntry>>, IReadOnlyList<TeamWeekEntry>> done, CancellationToken ct)
    {
        var known = new Dictionary<string, List<SiteEntry>>();
        var drawn = new HashSet<string>(StringComparer.Ordinal);

        // While one student's files are written, the next student's pages are drawn, so the cores stay busy between students.
        var drawing = students.Where(w => w.Count > 0).Select(weeks => (Folder: FolderOf(layout, weeks, drawn), Weeks: weeks));
        foreach (var (folder, weeks, pages) in ParallelInOrder.Ahead(drawing, s => (s.Folder, s.Weeks, Draw(layout, s.Folder, s.Weeks, onDisk, ct)), StudentsAhead))
        {
            var fresh = new List<SiteEntry>();
            for (var i = 0; i < weeks.Count; i++)
            {
                var (week, (report, entry)) = (weeks[i], pages[i]);
                if (report.Slug != week.Slug || entry.Slug != week.Slug)
                {
                    throw new InvalidOperationException($"the page of '{week.Slug}' was rendered as '{report.Slug}'");
                }

                fresh.Add(entry);
                yield return new SiteFile($"{folder}{week.Slug}/report.md", report.Markdown);
                yield return new SiteFile($"{folder}{week.Slug}/index.html", report.Html);
                foreach (var image in report.Images)
                {
                    // Beside the page, where the notes' relative path leads from it.
                    yield return SiteFile.Binary($"{folder}{week.Slug}/{image.Path}", NoteImages.Read(image));
                }
            }

            known[folder] = OldestFirst(onDisk[folder].Where(e => fresh.All(f => f.Slug != e.Slug)).Concat(fresh));
        }

        foreach (var (folder, entries) in onDisk)
        {
            known.TryAdd(folder, OldestFirst(entries));
        }

        var teamKnown = layout.IsTeam ? TeamWeeks.In(Path.Combine(OutputDirectory, layout.Root)).Where(e => teamWeeks.All(t => t.Entry.Slug != e.Slug))
            .Concat(teamWeeks.Select(t => t.Entry)).ToList() : [];
        teamKnown = [.. TeamWeeks.OldestFirst(teamKnown)];
        foreach (var week in teamWeeks)
        {
            var page = week.Render(TeamNav(teamKnown, week.Entry.Slug));
            yield return new SiteFile($"{layout.Root}{week.Entry.Slug}/{ReportKinds.TeamWeek.MarkdownFile}", page.Markdown);
            yield return new SiteFile($"{layout.Root}{week.Entry.Slug}/index.html", page.Html);
        }

        done(known, teamKnown);
        if (layout.IsTeam)
        {
            var root = layout.Root;
            if (teamWeeks.Count > 0 || teamKnown.Count > 0)
            {
                yield return new SiteFile(root + TeamWeeks.FileName, TeamWeeks.Serialize(teamKnown));
            }

            if (CourseIndex.Team(layout, known) is { } listed)
            {
                foreach (var file in GradeBook.Files(root, GradeBook.Rows([listed with { TeamWeeks = teamKnown }], relativeToTeam: true)))
                {
                    yield return file;
                }
            }

            var team = layout.Students.SelectMany(s => known[layout.FolderOf(s.Username)]).ToList();
            foreach (var student in layout.Students)
            {
                var folder = layout.FolderOf(student.Username);
                yield return new SiteFile($"{folder}{SiteEntries.FileName}", SiteEntries.Serialize(known[folder]));
                yield return new SiteFile($"{folder}index.html", _pages.StudentIndex(known[folder], student, teamHref: "../index.html"));
                yield return new SiteFile($"{folder}{AtomFeeds.FileName}", _feeds.Student(known[folder], student, folder, team));
            }

            List<(Model.Person, IReadOnlyList<SiteEntry>)> members = [.. layout.Students.Select(s => (s, (IReadOnlyList<SiteEntry>)known[layout.FolderOf(s.Username)]))];
            yield return new SiteFile(root + "index.html", _pages.TeamPage(members, layout.Name, teamKnown));
            yield return new SiteFile(root + SitePages.ByTotalFile, _pages.TeamPage(members, layout.Name, teamKnown, byTotal: true));
            yield return new SiteFile(root + TeamSummary.FileName, new TeamSummary(layout.Name, [.. layout.Students.Select(s => new TeamMember(s.Username, s.Name, layout.TutorOf(s.Username)))]).Serialize());
            yield return new SiteFile(root + AtomFeeds.FileName, _feeds.Team([.. layout.Students.Select(s => (s, layout.FolderOf(s.Username), known[layout.FolderOf(s.Username)]))], root, layout.Name));
        }
        else
        {
            yield return new SiteFile(SiteEntries.FileName, SiteEntries.Serialize(known[""]));
            yield return new SiteFile("index.html", _pages.StudentIndex(known[""], student: null, teamHref: null));
            yield return new SiteFile(AtomFeeds.FileName, _feeds.Student(known[""], student: null, folder: ""));
        }
    }

    private static string FolderOf(SiteLayout layout, IReadOnlyList<SiteWeek> weeks, HashSet<string> drawn)
    {
        var folder = layout.FolderOf(weeks[0].Username);
        if (weeks.Any(w => layout.FolderOf(w.Username) != folder) || !drawn.Add(folder))
        {
            throw new InvalidOperationException($"the weeks of '{folder}' must come together, in one item");
        }

        return folder;
    }

    // One student's pages, rendered on every core; only a few students' pages are in memory at once.
    private static (RenderedReport, SiteEntry)[] Draw(
        SiteLayout layout, string folder, IReadOnlyList<SiteWeek> weeks, Dictionary<string, List<SiteEntry>> onDisk, CancellationToken ct)
    {
        var stops = Stops(folder, onDisk[folder], weeks);
        return ParallelInOrder.Map(weeks, w => w.Render(Nav(layout, stops, w.Slug)), ct);
    }

    private static WeekNav TeamNav(List<TeamWeekEntry> weeks, string slug)
    {
        var i = weeks.FindIndex(e => e.Slug == slug);
        SiteLink? Link(int at) => at >= 0 && at < weeks.Count ? new SiteLink($"../{weeks[at].Href}", weeks[at].Label) : null;
        return new WeekNav("../index.html", "../index.html", Link(i - 1), Link(i + 1));
    }

    private static WeekNav Nav(SiteLayout layout, List<(string Slug, string Label)> stops, string slug)
    {
        var i = stops.FindIndex(e => e.Slug == slug);
        SiteLink? Link(int at) => at >= 0 && at < stops.Count ? new SiteLink($"../{Uri.EscapeDataString(stops[at].Slug)}/index.html", stops[at].Label) : null;
        return new WeekNav("../index.html", layout.IsTeam ? "../../index.html" : null, Link(i - 1), Link(i + 1));
    }

    /// <summary>The weeks of one folder a page can link to: those already on disk, replaced or joined by this run's, oldest first.</summary>
    private static List<(string Slug, string Label)> Stops(string folder, List<SiteEntry> onDisk, IReadOnlyList<SiteWeek> fresh)
    {
        var duplicate = fresh.GroupBy(w => w.Slug, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new EvidenceException($"one run writes '{folder}{duplicate.Key}' twice; give each window once");
        }

        return [.. onDisk.Where(e => fresh.All(f => f.Slug != e.Slug)).Select(e => (e.Slug, e.Label, e.Start))
            .Concat(fresh.Select(w => (w.Slug, w.Label, w.Start)))
            .OrderBy(e => e.Start)
            .ThenBy(e => e.Slug, StringComparer.Ordinal)
            .Select(e => (e.Slug, e.Label))];
    }

    private static List<SiteEntry> OldestFirst(IEnumerable<SiteEntry> entries) =>
        [.. entries.OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal)];
}
