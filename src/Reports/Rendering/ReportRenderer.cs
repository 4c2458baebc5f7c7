using Reports.Analysis;
using Reports.Config;
using Reports.Rendering.Charts;
using Reports.Site;

namespace Reports.Rendering;

/// <summary>Report model → Markdown (report.md.sbn) → HTML body held to HtmlPolicy + SVG charts → page (page.html.sbn).</summary>
internal sealed class ReportRenderer(TemplateEngine templates)
{
    private readonly HtmlConverter _html = new();

    public RenderedReport Render(ReportModel model) => Render(model, WeekNav.Alone);

    /// <param name="nav">Where the page links to: its index, the team page, the weeks before and after it.</param>
    public RenderedReport Render(ReportModel model, WeekNav nav)
    {
        var charts = DrawCharts(model);
        var markdown = Markdown(model, SiteFormat.Html, charts);
        var body = ChartPlaceholders.Fill(_html.ToHtml(markdown, model.Notes.Images.Select(i => i.Url).ToHashSet(StringComparer.Ordinal)), charts);
        var page = templates.RenderPage(ReportKinds.Student.PageTemplate, model, new Dictionary<string, object?>
        {
            ["body"] = body,
            ["nav"] = nav,
        });
        return new RenderedReport(model.Window.Slug, model.Title, markdown, page) { Images = model.Notes.Images };
    }

    /// <summary>
    /// The report as Markdown for a Hugo page bundle: no raw HTML anywhere (Hugo drops it), the
    /// title left to the front matter, and each drawn chart an image of a file beside the page.
    /// </summary>
    /// <returns>The Markdown and the charts it shows (a template may leave one out), each to be written as <c>{id}.svg</c>.</returns>
    public (string Markdown, IReadOnlyList<Chart> Charts) RenderHugo(ReportModel model)
    {
        var charts = DrawCharts(model).Where(c => !c.IsEmpty).ToList();
        var markdown = Markdown(model, SiteFormat.Hugo, charts);

        // Only the charts the page shows become files of its bundle.
        return (markdown, [.. charts.Where(c => markdown.Contains($"]({c.Id}.svg)", StringComparison.Ordinal))]);
    }

    /// <summary>The model as the report templates see it: the student's notes marked as their own words.</summary>
    public static ReportModel TemplateModel(ReportModel model, SiteFormat format = SiteFormat.Html) =>
        model with { Notes = NarrativeMarkup.Wrap(model.Notes, format), Sections = NarrativeMarkup.Wrap(model.Sections, format) };

    /// <summary>
    /// <c>report.md.sbn</c> with two globals beside the model: <c>format</c> (<c>html</c> or
    /// <c>hugo</c>) and <c>charts</c>, the ids of the charts that have a drawing.
    /// </summary>
    private string Markdown(ReportModel model, SiteFormat format, IReadOnlyList<Chart> charts) =>
        templates.Render(ReportKinds.Student.MarkdownTemplate, TemplateModel(model, format), new Dictionary<string, object?>
        {
            ["format"] = format.ToString().ToLowerInvariant(),
            ["charts"] = charts.Where(c => !c.IsEmpty).Select(c => c.Id).ToArray(),
        }, format);

    /// <summary>The charts a report's page can show, each in its <c>chart-{id}</c> placeholder.</summary>
    public static IReadOnlyList<Chart> DrawCharts(ReportModel model) =>
    [
        SeverityChart.Create(model.Reviews),
        ActivityChart.Create(model.Activity, model.Window.TimeZone),
    ];
}
