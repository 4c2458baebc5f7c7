using Reports.Analysis;
using Reports.Analysis.Reviews;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site;

namespace Reports;

/// <summary>
/// Runs the offline half of the pipeline: snapshot + notes → analysis → templates → site files.
/// Build one per run; the template set and the Markdown pipeline inside are reused.
/// </summary>
public sealed class Generator(TemplateEngine templates, IReadOnlyDictionary<string, Severity> reviewLevels)
{
    private readonly ReportBuilder _builder = new(reviewLevels);
    private readonly ReportRenderer _renderer = new(templates);

    /// <summary>The notes file of a window: <c>{notes}/sprint-2-week-1.md</c>, or <c>{notes}/{username}/sprint-2-week-1.md</c> for a team member.</summary>
    public static string NotesPath(string notesDirectory, ReportWindow window, string? teamMember = null) =>
        teamMember is null
            ? Path.Combine(notesDirectory, window.Slug + ".md")
            : Path.Combine(notesDirectory, teamMember, window.Slug + ".md");

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
        var (_, entry) = Render(new Snapshot { SchemaVersion = Snapshot.CurrentSchemaVersion, Course = course, Student = student, Window = window }, NarrativeNotes.Empty);
        var pages = new SitePages(templates);
        pages.StudentIndex([entry], student, teamHref: "../index.html");
        pages.TeamPage([(student, [entry])]);
    }

    /// <summary>Renders every snapshot of one student first, then writes them all with the site index.</summary>
    public IReadOnlyList<string> RenderAndWrite(IEnumerable<(Snapshot Snapshot, NarrativeNotes Notes)> weeks, string outputDirectory, CancellationToken ct = default) =>
        RenderAndWrite(weeks, outputDirectory, SiteLayout.Single, ct);

    /// <summary>
    /// Analyzes every snapshot, then writes them all in <paramref name="layout"/>: each page rendered
    /// with links to the weeks before and after it, the students' indexes and, for a team, the team page.
    /// </summary>
    public IReadOnlyList<string> RenderAndWrite(IEnumerable<(Snapshot Snapshot, NarrativeNotes Notes)> weeks, string outputDirectory, SiteLayout layout, CancellationToken ct = default)
    {
        var site = InOrder.Map([.. weeks], w =>
        {
            var model = Analyze(w.Snapshot, w.Notes);
            return new SiteWeek(w.Snapshot.Student.Username, Entry(model, w.Snapshot), nav => _renderer.Render(model, nav));
        }, ct);
        return new SiteWriter(templates, outputDirectory).Write(layout, site, ct);
    }

    private static SiteEntry Entry(ReportModel model, Snapshot snapshot) =>
        new(model.Window.Slug, model.Title, snapshot.Window.Label, snapshot.Window.Start, snapshot.Window.End,
            snapshot.Student.DisplayName, snapshot.Student.Username, WeekCounts.Of(model, snapshot));
}
