using Reports.Rendering.Charts;
using static Reports.Tests.Rendering.Charts.ChartFixtures;

namespace Reports.Tests.Rendering.Charts;

/// <summary>The activity chart: a panel per kind (findings, merges, commits, ticket changes), a bar per local date of the window.</summary>
public sealed class ActivityChartTests
{
    private static readonly IReadOnlyList<Reports.Analysis.DayActivity> Sample =
        Week((16, 1, 0, 8), (0, 1, 0, 2), (8, 1, 0, 0), (0, 1, 1, 2), (0, 1, 0, 1), (0, 1, 0, 8), (0, 0, 0, 0));

    [Fact]
    public void Each_kind_is_a_panel_with_every_day_labelled_with_its_weekday_and_date()
    {
        var svg = Parse(ActivityChart.Create(Sample, "Asia/Jakarta").Svg);

        var panels = svg.Elements(Svg + "g").ToList();
        Assert.Equal(["findings (most 16)", "merges (most 1)", "commits (most 1)", "ticket changes (most 8)"], panels.Select(p => p.Elements(Svg + "text").First().Value));
        Assert.All(panels, p => Assert.Equal(
            ["Mon 24", "Tue 25", "Wed 26", "Thu 27", "Fri 28", "Sat 29", "Sun 30"],
            p.Elements(Svg + "text").Where(t => t.Attribute("class") is null).Skip(1).Select(t => t.Value)));
        Assert.Equal(["1", "1", "1", "1", "1", "1", "0"], panels[1].Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "count").Select(t => t.Value));
    }

    [Fact]
    public void No_bar_or_total_adds_findings_to_tickets_and_each_kind_has_its_own_scale()
    {
        var svg = Parse(ActivityChart.Create(Sample, "Asia/Jakarta").Svg);

        Assert.DoesNotContain(svg.Descendants(Svg + "text"), t => (string?)t.Attribute("class") == "total");
        Assert.Equal(2, Bars(svg, "bar-findings").Count);
        Assert.Equal(6, Bars(svg, "bar-merges").Count);
        Assert.Single(Bars(svg, "bar-commits"));
        Assert.Equal(5, Bars(svg, "bar-tickets").Count);
        Assert.Equal(2 * Width(Bars(svg, "bar-findings")[1]), Width(Bars(svg, "bar-findings")[0]), 0.15);

        // Each panel's largest day fills its plot: one merge is drawn as long as sixteen findings.
        Assert.Equal(Width(Bars(svg, "bar-findings")[0]), Width(Bars(svg, "bar-merges")[0]), 0.05);
        Assert.Equal(Width(Bars(svg, "bar-findings")[0]), Width(Bars(svg, "bar-tickets")[0]), 0.05);
    }

    [Fact]
    public void Description_gives_the_totals_each_busy_day_and_the_quiet_days()
    {
        var chart = ActivityChart.Create(Sample, "Asia/Jakarta");

        Assert.Equal(
            "Activity per day from Mon 24 Mar to Sun 30 Mar 2025 in Asia/Jakarta, one panel per kind, each with its own scale: 24 findings, 6 merges, 1 commit and 21 ticket changes. "
            + "Mon 24: 16 findings, 1 merge and 8 ticket changes. Tue 25: 1 merge and 2 ticket changes. Wed 26: 8 findings and 1 merge. "
            + "Thu 27: 1 merge, 1 commit and 2 ticket changes. Fri 28: 1 merge and 1 ticket change. Sat 29: 1 merge and 8 ticket changes. Nothing on Sun 30.",
            chart.Description);
        Assert.Equal(chart.Description, Parse(chart.Svg).Element(Svg + "desc")!.Value);
        Assert.Equal("Activity per day (Asia/Jakarta)", Parse(chart.Svg).Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Quiet_week_gives_no_drawing_but_a_sentence()
    {
        var chart = ActivityChart.Create(Week((0, 0, 0, 0), (0, 0, 0, 0)), "Asia/Jakarta");

        Assert.True(chart.IsEmpty);
        Assert.Equal("No findings, merges, commits or ticket changes on any day of this window.", chart.Description);
    }

    [Fact]
    public void Chart_fits_its_view_box_whatever_the_counts()
    {
        var svg = Parse(ActivityChart.Create(Week((999, 0, 0, 1), (1, 1, 1, 1)), "Asia/Jakarta").Svg);
        var viewWidth = double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);

        var rights = svg.Descendants(Svg + "rect").Select(r =>
            double.Parse((string)r.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture) + Width(r));
        Assert.All(rights, right => Assert.InRange(right, 0, viewWidth - 30));
    }
}
