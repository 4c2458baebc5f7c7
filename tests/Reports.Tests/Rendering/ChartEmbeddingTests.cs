using AngleSharp.Html.Parser;
using Reports.Notes;
using Reports.Tests.Golden;
using Reports.Tests.Support;
using Reports.Model;

namespace Reports.Tests.Rendering;

/// <summary>The Markdown carries a text stand-in for each chart; the HTML page carries the chart itself.</summary>
public sealed class ChartEmbeddingTests
{
    [Fact]
    public void Markdown_keeps_the_table_and_the_page_shows_the_svg_in_its_place()
    {
        var report = GoldenTests.NewGenerator().Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;
        var document = new HtmlParser().ParseDocument(report.Html);

        Assert.DoesNotContain("<svg", report.Markdown);
        Assert.Contains("<div class=\"chart\" id=\"chart-activity\">", report.Markdown);
        Assert.Contains("| Mon 24 | 16 | 1 | 0 | 8 |", report.Markdown);
        Assert.Equal(["chart-activity"], document.QuerySelectorAll("div.chart").Select(d => d.Id!));
        Assert.All(document.QuerySelectorAll("div.chart"), div => Assert.Equal("svg", div.Children.Single().LocalName));
    }

    [Fact]
    public void The_default_report_states_a_reviews_severity_counts_once_so_it_draws_no_severity_chart()
    {
        var report = GoldenTests.NewGenerator().Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;

        Assert.DoesNotContain("chart-severity", report.Markdown);
        Assert.DoesNotContain("**Severity:**", report.Markdown);
        Assert.Contains("**P1 issues (4):**", report.Markdown);
    }

    [Fact]
    public void Template_without_placeholders_gives_a_page_without_charts()
    {
        using var overrides = new TempDirectory();
        overrides.Write("report.md.sbn", "# {{ md.text title }}\n");

        var report = GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;

        Assert.DoesNotContain("<svg", report.Html);
    }

    [Fact]
    public void Charts_are_in_the_sections_they_summarise()
    {
        var report = GoldenTests.NewGenerator().Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;
        var document = new HtmlParser().ParseDocument(report.Html);

        string SectionOf(string id)
        {
            var node = document.GetElementById(id)!.PreviousElementSibling;
            while (node is not null && node.LocalName != "h2")
            {
                node = node.PreviousElementSibling;
            }

            return node!.TextContent;
        }

        Assert.Equal("Overview", SectionOf("chart-activity"));
    }

    [Fact]
    public void A_template_that_places_the_severity_chart_gets_it_drawn_there()
    {
        using var overrides = new TempDirectory();
        overrides.Write("report.md.sbn", "## Severity\n\n<div class=\"chart\" id=\"chart-severity\">\n\n{{ for r in reviews }}{{ r.merge_request.reference }}: {{ r.finding_count }}\n{{ end }}\n</div>\n");

        var report = GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;
        var chart = new HtmlParser().ParseDocument(report.Html).GetElementById("chart-severity")!;

        Assert.Equal("svg", chart.Children.Single().LocalName);
        Assert.Contains("!109", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
    }
}
