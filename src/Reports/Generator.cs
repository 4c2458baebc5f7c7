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

    /// <summary>The notes file of a window: <c>{notes}/sprint-2-week-1.md</c>.</summary>
    public static string NotesPath(string notesDirectory, ReportWindow window) =>
        Path.Combine(notesDirectory, window.Slug + ".md");

    /// <summary>What the templates see for this week (what <c>render --context</c> writes).</summary>
    public ReportModel Analyze(Snapshot snapshot, NarrativeNotes notes) => _builder.Build(snapshot, notes);

    public (RenderedReport Report, SiteEntry Entry) Render(Snapshot snapshot, NarrativeNotes notes)
    {
        var model = Analyze(snapshot, notes);
        var report = _renderer.Render(model);
        return (report, new SiteEntry(report.Slug, report.Title, snapshot.Window.Label, snapshot.Window.Start, snapshot.Window.End, snapshot.Student.DisplayName));
    }

    /// <summary>
    /// Renders an empty week through every template, so a broken template fails before any
    /// request is made rather than after a long collection.
    /// </summary>
    public void CheckTemplates(string course, Person student, ReportWindow window) =>
        Render(new Snapshot { SchemaVersion = Snapshot.CurrentSchemaVersion, Course = course, Student = student, Window = window }, NarrativeNotes.Empty);

    /// <summary>Renders every snapshot first, then writes them all with the site index.</summary>
    public IReadOnlyList<string> RenderAndWrite(IEnumerable<(Snapshot Snapshot, NarrativeNotes Notes)> weeks, string outputDirectory, CancellationToken ct = default)
    {
        var rendered = weeks.Select(w => Render(w.Snapshot, w.Notes)).ToList();
        return new SiteWriter(templates, outputDirectory).Write(rendered, ct);
    }
}
