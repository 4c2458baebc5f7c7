using Reports.Analysis;
using Reports.Analysis.Reviews;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site;
using Reports.Site.Feeds;
using Reports.Site.Hugo;

namespace Reports.Pipeline;

/// <summary>
/// Runs the offline half of the pipeline: snapshot + notes → analysis → templates → site files.
/// Build one per run; the template set and the Markdown pipeline inside are reused.
/// </summary>
internal sealed class ReportGenerator(TemplateEngine templates, ReviewConfig review, AttentionConfig? attention = null)
{
    private readonly ReportBuilder _builder = new(review);
    private readonly ReportRenderer _renderer = new(templates);

    public ReportGenerator(TemplateEngine templates, IReadOnlyDictionary<string, Severity> reviewLevels)
        : this(templates, new ReviewConfig { Levels = reviewLevels })
    {
    }

    /// <summary>The team week pages of a team's run (the second report kind).</summary>
    public TeamWeekPages TeamWeeks { get; } = new(templates, review, attention ?? new AttentionConfig());

    /// <summary>The notes file of a window: <c>{notes}/sprint-2-week-1.md</c>, or <c>{notes}/{username}/sprint-2-week-1.md</c> for a team member.</summary>
    public static string NotesPath(string notesDirectory, ReportWindow window, string? teamMember = null) =>
        WeekNotes.PathOf(notesDirectory, window, teamMember);

    /// <summary>What in a week's notes is likely a mistake, for the command to print as <c>warning:</c> lines.</summary>
    public static IReadOnlyList<Model.ReportWarning> Warnings(Snapshot snapshot, NarrativeNotes notes) => ReportBuilder.Warnings(snapshot, notes);

    /// <summary>What the templates see for this week (what <c>render --context</c> writes).</summary>
    public ReportModel Analyze(Snapshot snapshot, NarrativeNotes notes) => _builder.Build(snapshot, notes);

    /// <summary>The week's page on its own (linking only to the index beside it) and its index entry.</summary>
    public (RenderedReport Report, SiteEntry Entry) Render(Snapshot snapshot, NarrativeNotes notes)
    {
        var model = Analyze(snapshot, notes);
        return (_renderer.Render(model), Entry(model, snapshot));
    }

    /// <summary>
    /// Renders an empty week through every template, so a broken template fails before any
    /// request is made rather than after a long collection.
    /// </summary>
    public void CheckTemplates(string course, Person student, ReportWindow window)
    {
        var empty = new Snapshot { SchemaVersion = Snapshot.CurrentSchemaVersion, Course = course, Student = student, Window = window };
        var (_, entry) = Render(empty, NarrativeNotes.Empty);
        _renderer.RenderHugo(Analyze(empty, NarrativeNotes.Empty));
        var pages = new SitePages(templates);
        pages.StudentIndex([entry], student, teamHref: "../index.html");
        var team = new TeamSnapshot { SchemaVersion = Snapshot.CurrentSchemaVersion, Course = course, Students = [student], Window = window };
        var teamWeek = TeamWeeks.Pages([team], [empty]).Single();
        teamWeek.Render(WeekNav.Alone);
        pages.TeamPage([(student, [entry])], teamWeeks: [teamWeek.Entry]);
    }

    /// <summary>Renders every snapshot of one student first, then writes them all with the site index.</summary>
    public IReadOnlyList<string> RenderAndWrite(IEnumerable<(Snapshot Snapshot, NarrativeNotes Notes)> weeks, string outputDirectory, CancellationToken ct = default) =>
        RenderAndWrite(weeks, outputDirectory, SiteLayout.Single, ct);

    /// <summary>
    /// Analyzes every snapshot, then writes them all in <paramref name="layout"/>: each page rendered
    /// with links to the weeks before and after it, the students' indexes and, for a team, the team page.
    /// </summary>
    public IReadOnlyList<string> RenderAndWrite(IEnumerable<(Snapshot Snapshot, NarrativeNotes Notes)> weeks, string outputDirectory, SiteLayout layout, CancellationToken ct = default) =>
        RenderAndWrite(weeks, outputDirectory, layout, new SiteConfig(), ct);

    /// <summary>
    /// As above, in the format <paramref name="site"/> names: the HTML site (with feeds linking under
    /// its <c>base_url</c>), or Hugo page bundles under <c>content/{hugo_section}/</c>.
    /// </summary>
    public IReadOnlyList<string> RenderAndWrite(IEnumerable<(Snapshot Snapshot, NarrativeNotes Notes)> weeks, string outputDirectory, SiteLayout layout, SiteConfig site, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(layout);
        var byStudent = weeks.GroupBy(w => layout.FolderOf(w.Snapshot.Student.Username), StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<(Snapshot, NarrativeNotes)>)[.. g]);
        return RenderAndWriteByStudent(byStudent, outputDirectory, layout, site, ct);
    }

    /// <summary>
    /// As above, for a team with the team snapshots of the same windows: the site gets each window's
    /// team week (the second report kind) beside the students' folders. One student's site has none.
    /// </summary>
    public IReadOnlyList<string> RenderAndWrite(
        IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)> weeks, IReadOnlyList<TeamSnapshot> teamWeeks, string outputDirectory, SiteLayout layout, SiteConfig site, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(layout);
        var pages = layout.IsTeam ? TeamWeeks.Pages(teamWeeks, weeks.Select(w => w.Snapshot)) : null;
        var byStudent = weeks.GroupBy(w => layout.FolderOf(w.Snapshot.Student.Username), StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<(Snapshot, NarrativeNotes)>)[.. g]);
        return RenderAndWriteByStudent(byStudent, outputDirectory, layout, site, ct, pages);
    }

    /// <summary>
    /// As above, for weeks given a student at a time: each item holds all of one student's weeks of the run.
    /// The items are read one by one as the site is written, so a caller that loads each student's
    /// snapshots when asked for them keeps only a few students' snapshots and pages in memory (see <see cref="SiteWriter"/>).
    /// </summary>
    /// <param name="teamWeeks">A team's pages of the run's weeks (<see cref="TeamWeeks"/>); the HTML site writes them beside the students' folders.</param>
    public IReadOnlyList<string> RenderAndWriteByStudent(
        IEnumerable<IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)>> students, string outputDirectory, SiteLayout layout, SiteConfig site, CancellationToken ct = default,
        IReadOnlyList<TeamWeekPage>? teamWeeks = null)
    {
        ArgumentNullException.ThrowIfNull(students);
        ArgumentNullException.ThrowIfNull(site);
        return new SiteWriter(templates, outputDirectory, site: site).Write(layout, Weeks(students), ct, teamWeeks);
    }

    /// <summary>
    /// Writes a course: every team's site into its folder (<see cref="SiteLayout.Root"/>) and the course
    /// pages, in one commit. Each team's students are read one at a time, as <see cref="RenderAndWriteByStudent"/> reads them.
    /// </summary>
    /// <param name="title">The course index's heading; null for the course title of the newest report.</param>
    public IReadOnlyList<string> RenderAndWriteCourse(
        IEnumerable<(SiteLayout Layout, IEnumerable<IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)>> Students, IReadOnlyList<TeamWeekPage> TeamWeeks)> teams,
        string outputDirectory, SiteConfig site, string? title, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(site);
        return new SiteWriter(templates, outputDirectory, site: site).WriteCourse(teams.Select(t => (t.Layout, Weeks(t.Students), t.TeamWeeks)), title, ct);
    }

    private IEnumerable<IReadOnlyList<SiteWeek>> Weeks(IEnumerable<IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)>> students) =>
        students.Select(weeks => (IReadOnlyList<SiteWeek>)[.. weeks.Select(w => Week(w.Snapshot, w.Notes))]);

    // The week is analysed when it is drawn, on the core that draws it, once for every output, and forgotten once it is written.
    private SiteWeek Week(Snapshot snapshot, NarrativeNotes notes) =>
        new(snapshot.Student.Username, snapshot.Window.Slug, snapshot.Window.Label, snapshot.Window.Start, (nav, draws) =>
        {
            var model = Analyze(snapshot, notes);
            var entry = Entry(model, snapshot);
            return new DrawnWeek(entry)
            {
                Page = draws.HasFlag(WeekDrawing.Page) ? _renderer.Render(model, nav) : null,
                Hugo = draws.HasFlag(WeekDrawing.Hugo) ? HugoPage(model, notes) : null,
            };
        });

    private HugoPage HugoPage(ReportModel model, NarrativeNotes notes)
    {
        var (markdown, charts) = _renderer.RenderHugo(model);
        return new HugoPage(markdown, charts) { Images = notes.Images };
    }

    private static SiteEntry Entry(ReportModel model, Snapshot snapshot) =>
        new(model.Window.Slug, model.Title, snapshot.Window.Label, snapshot.Window.Start, snapshot.Window.End,
            snapshot.Student.DisplayName, snapshot.Student.Username, Counts(model, snapshot),
            snapshot.Course, Instance(snapshot), FeedDates.Updated(snapshot), model.CollectedAt, model.InProgress ? true : null);

    /// <summary>The week's headline numbers for the indexes: tickets only when Linear was configured.</summary>
    private static WeekCounts Counts(ReportModel model, Snapshot snapshot)
    {
        var (m, linear) = (model.Metrics, model.LinearConfigured);
        return new WeekCounts(
            m.P0, m.P1, m.P2, m.P3, m.Ungraded, m.Merged, m.Commits, linear ? snapshot.Tickets.Count : null,
            m.Reviewed,
            linear ? m.TicketsCreated : null,
            linear ? m.StatusUpdates : null,
            linear ? model.Tickets.SubIssues.Count : null,
            linear ? model.Tickets.PlannedScenarioCount : null);
    }

    /// <summary>The host of the GitLab instance the facts came from, when the snapshot says.</summary>
    private static string? Instance(Snapshot snapshot) =>
        snapshot.Sources?.FirstOrDefault(s => s.Name == SourceNames.GitLab) is { } gitlab && Uri.TryCreate(gitlab.Url, UriKind.Absolute, out var url)
            ? url.Host
            : null;
}
