using Reports.Config;
using Reports.Rendering;

namespace Reports.Site;

/// <summary>
/// Writes a run's weeks through its outputs (<see cref="SiteOutputs"/>: the HTML site and its grade book, or the
/// Hugo export): each week drawn once, on every core, in the forms the outputs ask for, and each output given
/// each week, then each team, then the course, all in one <see cref="SiteCommit"/>: a failed run leaves the old
/// files, never a mix of two.
/// </summary>
/// <remarks>
/// The weeks a page links to (previous, next) and an index lists are those known when the run
/// writes: the weeks already there (see <see cref="SiteEntries"/>) plus this run's. A page written earlier is
/// not rewritten when a later run adds its neighbour; the next run that writes it links it.
/// </remarks>
internal sealed class SiteWriter
{
    /// <summary>
    /// Students drawn ahead of the one being written. Measured on the 700-report site: two ahead is no
    /// faster than one and peaks higher.
    /// </summary>
    internal const int StudentsAhead = 1;

    private readonly IReadOnlyList<ISiteOutput> _outputs;
    private readonly ISiteFileSystem? _files;

    /// <param name="site">The <c>site:</c> settings: which outputs (<c>format</c>), and the feeds' <c>base_url</c>.</param>
    public SiteWriter(TemplateEngine templates, string outputDirectory, ISiteFileSystem? files = null, SiteConfig? site = null)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory);
        _outputs = SiteOutputs.For(site ?? new SiteConfig(), templates, OutputDirectory);
        _files = files;
        Draws = _outputs.Aggregate(WeekDrawing.None, (all, output) => all | output.Draws);
    }

    public string OutputDirectory { get; }

    /// <summary>What the outputs need drawn of each week; <see cref="SiteWeek.Draw"/> is asked for exactly this.</summary>
    public WeekDrawing Draws { get; }

    /// <summary>Writes already rendered pages of one student (no previous/next links).</summary>
    /// <returns>The paths written, in order.</returns>
    public IReadOnlyList<string> Write(IReadOnlyList<(RenderedReport Report, SiteEntry Entry)> reports, CancellationToken ct = default) =>
        Write(SiteLayout.Single, [[.. reports.Select(r => new SiteWeek(r.Entry.Username ?? "", r.Entry.Slug, r.Entry.Label, r.Entry.Start, (_, _) => new DrawnWeek(r.Entry) { Page = r.Report }))]], ct);

    /// <summary>
    /// Writes the weeks of <paramref name="students"/>, each item one student's weeks of this run. The
    /// items are read one at a time as the site is written, so a caller may load each student's
    /// snapshots as it is asked for them: at most three students are in memory at once (one being
    /// written, the next being drawn, the one after it read).
    /// </summary>
    /// <returns>The paths written, in order: each week's files, then the indexes, pages and grade book over them.</returns>
    /// <param name="teamWeeks">A team's weeks of this run (the team digest), written beside the students' folders.</param>
    public IReadOnlyList<string> Write(SiteLayout layout, IEnumerable<IReadOnlyList<SiteWeek>> students, CancellationToken ct = default, IReadOnlyList<TeamWeekPage>? teamWeeks = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(students);
        Check(layout);
        var commit = new SiteCommit(OutputDirectory, _files);

        // A killed run's weeks must be in place before the indexes list what is there.
        commit.Recover();
        return commit.Commit(TeamFiles(layout, students, teamWeeks ?? [], _ => { }, ct), ct);
    }

    /// <summary>
    /// Writes every team of a course into its folder (<see cref="SiteLayout.Root"/>) and the course pages over
    /// them, in one commit: each team as <see cref="Write(SiteLayout, IEnumerable{IReadOnlyList{SiteWeek}}, CancellationToken, IReadOnlyList{TeamWeekPage}?)"/>
    /// writes it, one team after the other, so only a few students' weeks are in memory at once.
    /// </summary>
    /// <param name="title">The course index's heading; null for the course title of the newest report.</param>
    /// <returns>The paths written, in order: each team's files, then the course's.</returns>
    public IReadOnlyList<string> WriteCourse(IEnumerable<(SiteLayout Layout, IEnumerable<IReadOnlyList<SiteWeek>> Students, IReadOnlyList<TeamWeekPage> TeamWeeks)> teams, string? title, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(teams);
        Check(team: null);
        var commit = new SiteCommit(OutputDirectory, _files);
        commit.Recover();
        return commit.Commit(CourseFiles(teams, title, ct), ct);
    }

    private void Check(SiteLayout? team)
    {
        foreach (var output in _outputs)
        {
            output.CheckWritable(team);
        }
    }

    private IEnumerable<SiteFile> CourseFiles(IEnumerable<(SiteLayout Layout, IEnumerable<IReadOnlyList<SiteWeek>> Students, IReadOnlyList<TeamWeekPage> TeamWeeks)> teams, string? title, CancellationToken ct)
    {
        var written = new List<CourseTeam>();
        foreach (var (layout, students, teamWeeks) in teams)
        {
            if (layout.Name is null)
            {
                throw new ArgumentException("every team of a course has a name", nameof(teams));
            }

            Check(layout);
            foreach (var file in TeamFiles(layout, students, teamWeeks, team => { if (team.Listed is { } listed) written.Add(listed); }, ct))
            {
                yield return file;
            }
        }

        var course = new CourseRun(written, OutputDirectory, title);
        foreach (var file in _outputs.SelectMany(o => o.Course(course)))
        {
            yield return file;
        }
    }

    // Each week's files as it is drawn, then the team's: the commit writes each as it comes.
    /// <param name="done">Told the team once its weeks are written, before its indexes are.</param>
    private IEnumerable<SiteFile> TeamFiles(
        SiteLayout layout, IEnumerable<IReadOnlyList<SiteWeek>> students, IReadOnlyList<TeamWeekPage> teamWeeks, Action<TeamRun> done, CancellationToken ct)
    {
        var onDisk = OnDisk(layout);
        var known = new Dictionary<string, List<SiteEntry>>();
        var drawn = new HashSet<string>(StringComparer.Ordinal);

        // While one student's files are written, the next student's weeks are drawn, so the cores stay busy between students.
        var drawing = students.Where(w => w.Count > 0).Select(weeks => (Folder: FolderOf(layout, weeks, drawn), Weeks: weeks));
        foreach (var (folder, weeks, pages) in ParallelInOrder.Ahead(drawing, s => (s.Folder, s.Weeks, Draw(layout, s.Folder, s.Weeks, onDisk, ct)), StudentsAhead))
        {
            for (var i = 0; i < weeks.Count; i++)
            {
                if (pages[i].Entry.Slug != weeks[i].Slug)
                {
                    throw new InvalidOperationException($"the week '{weeks[i].Slug}' was drawn as '{pages[i].Entry.Slug}'");
                }

                foreach (var file in _outputs.SelectMany(o => o.Week(layout, folder, pages[i])))
                {
                    yield return file;
                }
            }

            var fresh = pages.Select(p => p.Entry).ToList();
            known[folder] = OldestFirst(onDisk[folder].Where(e => fresh.All(f => f.Slug != e.Slug)).Concat(fresh));
        }

        foreach (var (folder, entries) in onDisk)
        {
            known.TryAdd(folder, OldestFirst(entries));
        }

        IReadOnlyList<TeamWeekEntry> knownTeamWeeks = layout.IsTeam
            ? TeamWeeks.OldestFirst(TeamWeeks.In(Path.Combine(OutputDirectory, layout.Root)).Where(e => teamWeeks.All(t => t.Entry.Slug != e.Slug)).Concat(teamWeeks.Select(t => t.Entry)))
            : [];
        var team = new TeamRun(layout, known, teamWeeks, knownTeamWeeks);
        done(team);
        foreach (var file in _outputs.SelectMany(o => o.Team(team)))
        {
            yield return file;
        }
    }

    private Dictionary<string, List<SiteEntry>> OnDisk(SiteLayout layout)
    {
        var folders = layout.IsTeam ? layout.Students.Select(s => layout.FolderOf(s.Username)).ToList() : [""];
        return folders.ToDictionary(f => f, f => SiteEntries.In(Path.Combine(OutputDirectory, f)).ToList());
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

    // One student's weeks, drawn on every core; only a few students' weeks are in memory at once.
    private DrawnWeek[] Draw(SiteLayout layout, string folder, IReadOnlyList<SiteWeek> weeks, Dictionary<string, List<SiteEntry>> onDisk, CancellationToken ct)
    {
        var stops = Stops(folder, onDisk[folder], weeks);
        return ParallelInOrder.Map(weeks, w => w.Draw(Nav(layout, stops, w.Slug), Draws), ct);
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
