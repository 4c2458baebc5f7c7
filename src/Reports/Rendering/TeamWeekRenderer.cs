using Reports.Analysis.Team;

namespace Reports.Rendering;

/// <summary>Team week model → Markdown (<c>team-week.md.sbn</c>) → HTML held to HtmlPolicy → page (<c>team-week.html.sbn</c>).</summary>
internal sealed class TeamWeekRenderer(TemplateEngine templates)
{
    private readonly HtmlConverter _html = new();

    /// <param name="nav">The team weeks before and after it (the team page is always <c>../index.html</c>).</param>
    public RenderedReport Render(TeamWeekModel model, WeekNav nav)
    {
        ArgumentNullException.ThrowIfNull(model);
        var kind = ReportKinds.TeamWeek;
        var markdown = templates.Render(kind.MarkdownTemplate, model, new Dictionary<string, object?> { ["format"] = "html" });
        var page = templates.RenderPage(kind.PageTemplate, model, new Dictionary<string, object?>
        {
            ["body"] = _html.ToHtml(markdown),
            ["nav"] = nav,
        });
        return new RenderedReport(model.Window.Slug, model.Title, markdown, page);
    }
}
