using System.Security.Cryptography;
using System.Text;
using Reports.Analysis;
using Reports.Rendering.Charts;
using Reports.Site;

namespace Reports.Rendering;

/// <summary>Report model → Markdown (report.md.sbn) → sanitized HTML body + SVG charts → page (page.html.sbn).</summary>
public sealed class ReportRenderer(TemplateEngine templates)
{
    private readonly HtmlConverter _html = new();

    public RenderedReport Render(ReportModel model) => Render(model, WeekNav.Alone);

    /// <param name="nav">Where the page links to: its index, the team page, the weeks before and after it.</param>
    public RenderedReport Render(ReportModel model, WeekNav nav)
    {
        var markdown = templates.Render("report.md.sbn", TemplateModel(model));
        var css = templates.ReadAsset("style.css");
        var body = ChartPlaceholders.Fill(_html.ToHtml(markdown), DrawCharts(model));
        var page = templates.Render("page.html.sbn", model, new Dictionary<string, object?>
        {
            ["body"] = body,
            ["nav"] = nav,
            ["css"] = css,
            ["content_security_policy"] = ContentSecurityPolicy(css),
        });
        return new RenderedReport(model.Window.Slug, model.Title, markdown, page);
    }

    /// <summary>The model as the report templates see it: the student's notes marked as their own words.</summary>
    public static ReportModel TemplateModel(ReportModel model) => model with { Notes = NarrativeMarkup.Wrap(model.Notes) };

    /// <summary>The charts a report's page can show, each in its <c>chart-{id}</c> placeholder.</summary>
    public static IReadOnlyList<Chart> DrawCharts(ReportModel model) =>
    [
        SeverityChart.Create(model.Reviews),
        ActivityChart.Create(model.Activity, model.Window.TimeZone),
    ];

    /// <summary>Nothing but the page's own stylesheet may load or run: no scripts, no requests.</summary>
    public static string ContentSecurityPolicy(string css)
    {
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        return $"default-src 'none'; style-src 'sha256-{hash}'; img-src data:; base-uri 'none'; form-action 'none'";
    }
}
