using System.Globalization;
using System.Xml.Linq;
using Reports.Analysis;
using Reports.Rendering.Charts;
using static Reports.Tests.Rendering.Charts.ChartFixtures;

namespace Reports.Tests.Rendering.Charts;

/// <summary>The severity chart: one stacked bar per reviewed merge request, P0 … P3 then ungraded.</summary>
public sealed class SeverityChartTests
{
    private static readonly ReviewSummary[] TwoReviews =
    [
        Review(109, "Blue/Green Deployment", Levels(5, 4, 3, 4)),
        Review(118, "Cancel Invoice", Levels(3, 3, 0, 2)),
    ];

    [Fact]
    public void Svg_is_well_formed_xml_labelled_by_its_title_and_description()
    {
        var chart = SeverityChart.Create(TwoReviews);
        var svg = Parse(chart.Svg);

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("100%", (string?)svg.Attribute("width"));
        Assert.StartsWith("0 0 ", (string?)svg.Attribute("viewBox"));
        var ids = ((string)svg.Attribute("aria-labelledby")!).Split(' ');
        Assert.Equal(["chart-severity-title", "chart-severity-desc"], ids);
        Assert.Equal(chart.Title, svg.Elements(Svg + "title").Single(e => (string?)e.Attribute("id") == ids[0]).Value);
        Assert.Equal(chart.Description, svg.Elements(Svg + "desc").Single(e => (string?)e.Attribute("id") == ids[1]).Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf().Attributes(), a => a.Name.LocalName == "style" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public void Description_states_every_count_in_words()
    {
        var chart = SeverityChart.Create(TwoReviews);

        Assert.Equal(
            "24 findings on 2 reviewed merge requests. !109 Blue/Green Deployment: 16 findings (P0 5, P1 4, P2 3, P3 4). !118 Cancel Invoice: 8 findings (P0 3, P1 3, P3 2).",
            chart.Description);
    }

    [Fact]
    public void Each_nonzero_count_is_one_segment_with_a_width_proportional_to_it()
    {
        var svg = Parse(SeverityChart.Create(TwoReviews).Svg);

        Assert.Equal(2, Bars(svg, "bar-p0").Count);
        Assert.Single(Bars(svg, "bar-p2"));
        Assert.Equal(7, svg.Descendants(Svg + "rect").Count(r => ((string)r.Attribute("class")!).StartsWith("bar ", StringComparison.Ordinal)));

        var unit = Width(Bars(svg, "bar-p0")[0]) / 5;
        Assert.Equal(4 * unit, Width(Bars(svg, "bar-p1")[0]), 0.15);
        Assert.Equal(3 * unit, Width(Bars(svg, "bar-p0")[1]), 0.15);
        Assert.Equal(2 * unit, Width(Bars(svg, "bar-p3")[1]), 0.15);
    }

    [Fact]
    public void Segments_and_rows_are_labelled_with_their_counts()
    {
        var svg = Parse(SeverityChart.Create(TwoReviews).Svg);

        var rows = svg.Elements(Svg + "g").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("!109", rows[0].Elements(Svg + "text").First().Value);
        Assert.Equal(["5", "4", "3", "4"], rows[0].Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "count").Select(t => t.Value));
        Assert.Equal("16", rows[0].Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "total").Value);
        Assert.Equal("8", rows[1].Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "total").Value);
    }

    [Fact]
    public void Legend_names_the_four_levels_and_ungraded_only_when_there_are_ungraded_findings()
    {
        static IEnumerable<string> Legend(XElement svg) =>
            svg.Elements(Svg + "text").Where(t => t.Attribute("class") is null).Select(t => t.Value);

        Assert.Equal(["P0 blocker", "P1 important", "P2 improvement", "P3 nitpick"], Legend(Parse(SeverityChart.Create(TwoReviews).Svg)));
        var withUngraded = Parse(SeverityChart.Create([Review(7, "x", Levels(1, 0, 0, 0, ungraded: 2))]).Svg);
        Assert.Equal(["P0 blocker", "P1 important", "P2 improvement", "P3 nitpick", "ungraded"], Legend(withUngraded));
        Assert.Single(Bars(withUngraded, "bar-ungraded"));
    }

    [Fact]
    public void Hostile_titles_and_project_paths_are_escaped_and_keep_the_svg_well_formed()
    {
        const string title = "</desc><script>alert(1)</script> & \"quotes\" 'too' \u0001\u001b]0;x\u0007 \ud83d\ude80";
        var reviews = new[]
        {
            Review("evil/<g onload=alert(2)>", 5, title, "P0"),
            Review("ppl/sira-frontend", 5, "ok", "P1"),
        };

        var chart = SeverityChart.Create(reviews);
        var svg = Parse(chart.Svg);

        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.DoesNotContain(svg.DescendantsAndSelf().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.Contains("</desc><script>alert(1)</script> & \"quotes\" 'too' ]0;x \ud83d\ude80", svg.Element(Svg + "desc")!.Value);
        Assert.Equal(["<g onload=alert(2)>!5", "sira-frontend!5"], svg.Elements(Svg + "g").Select(g => g.Elements(Svg + "text").First().Value));
    }

    [Fact]
    public void Week_without_findings_gives_no_drawing_but_a_sentence()
    {
        var none = SeverityChart.Create([]);
        var onlyPositives = SeverityChart.Create([Review(3, "praise only")]);

        Assert.True(none.IsEmpty);
        Assert.True(onlyPositives.IsEmpty);
        Assert.Equal("No findings on teammates' merge requests in this window.", none.Description);
    }

    [Fact]
    public void Output_is_the_same_bytes_in_any_culture()
    {
        var invariant = SeverityChart.Create(TwoReviews).Svg;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, SeverityChart.Create(TwoReviews).Svg);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Matches("width=\"\\d+\\.\\d\"", invariant);
    }
}
