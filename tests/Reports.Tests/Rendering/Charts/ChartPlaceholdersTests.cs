using Reports.Rendering.Charts;

namespace Reports.Tests.Rendering.Charts;

/// <summary>The sanitized body's chart placeholders are filled with the project's SVG after sanitizing.</summary>
public sealed class ChartPlaceholdersTests
{
    private const string Body = "<p>before</p>\n<div class=\"chart\" id=\"chart-severity\">\n<p><strong>caption</strong></p>\n<table><tr><td>1</td></tr></table>\n</div>\n<p>after</p>";

    [Fact]
    public void Placeholder_and_its_stand_in_are_replaced_by_the_svg()
    {
        var html = ChartPlaceholders.Fill(Body, [new Chart("severity", "t", "d", "<svg role=\"img\"></svg>")]);

        Assert.Equal("<p>before</p>\n<div class=\"chart\" id=\"chart-severity\">\n<svg role=\"img\"></svg>\n</div>\n<p>after</p>", html);
    }

    [Fact]
    public void Empty_chart_or_unknown_id_keeps_the_stand_in()
    {
        Assert.Equal(Body, ChartPlaceholders.Fill(Body, [new Chart("severity", "t", "d", "")]));
        Assert.Equal(Body, ChartPlaceholders.Fill(Body, [new Chart("activity", "t", "d", "<svg></svg>")]));
    }
}
