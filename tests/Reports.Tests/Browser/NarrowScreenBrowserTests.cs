using Microsoft.Playwright;

namespace Reports.Tests.Browser;

/// <summary>On a 375 px phone no page scrolls sideways, whatever the data: long tokens wrap, code scrolls in its own box.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class NarrowScreenBrowserTests(ChromiumFixture chromium, LongTokenSite site) : IClassFixture<LongTokenSite>
{
    private const int PhoneWidth = 375;

    [SkippableTheory]
    [InlineData("report")]
    [InlineData("index")]
    public async Task Page_with_long_unbroken_tokens_does_not_scroll_sideways_on_a_phone(string which)
    {
        var page = await chromium.OpenAsync(which == "report" ? site.ReportUrl : site.IndexUrl, PhoneWidth, 667);
        await Screenshots.TakeAsync(page, $"long-tokens-{which}-{PhoneWidth}", fullPage: true);

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var widest = await page.EvaluateAsync<string>(
            "() => [...document.body.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible').map(e => e.tagName.toLowerCase() + ' ' + e.scrollWidth).slice(0, 12).join(', ')");
        Assert.True(width <= PhoneWidth, $"the {which} page is {width} px wide at {PhoneWidth} px; past the edge: {widest}");
        Assert.Contains(LongTokenSite.Token("name"), await page.InnerTextAsync("body"));
    }

    [SkippableTheory]
    [InlineData("sira/index.html")]
    [InlineData("sira/sprint-2-week-1/index.html")]
    [InlineData("index.html")]
    public async Task Team_pages_team_weeks_and_the_course_index_do_not_scroll_sideways_on_a_phone(string relative)
    {
        var page = await chromium.OpenAsync(ChromiumFixture.PageUrl(chromium.CourseSite, relative), PhoneWidth, 667);

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{relative} is {width} px wide at {PhoneWidth} px");
    }

    [SkippableFact]
    public async Task On_the_team_page_the_newest_week_is_in_view_on_load_at_1280_and_375_px()
    {
        foreach (var width in new[] { 1280, PhoneWidth })
        {
            var page = await chromium.OpenAsync(ChromiumFixture.PageUrl(chromium.CourseSite, "sira/index.html"), width, 800);

            var right = await page.EvaluateAsync<double>("() => document.querySelector('table.team-weeks thead th:nth-child(3)').getBoundingClientRect().left");
            Assert.True(right < width, $"the newest week's column starts at {right} px at {width} px");
            Assert.Contains("Sprint 3, Week 1", await page.InnerTextAsync("table.team-weeks thead th:nth-child(3)"));
        }
    }

    [SkippableFact]
    public async Task Short_references_in_a_table_beside_a_long_token_stay_on_one_line()
    {
        var page = await chromium.OpenAsync(site.ReportUrl, PhoneWidth, 667);

        var lines = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('td a')].filter(a => /^!\\d+$/.test(a.textContent)).map(a => a.getClientRects().length)");

        Assert.NotEmpty(lines);
        Assert.All(lines, count => Assert.Equal(1, count));
    }

    [SkippableFact]
    public async Task On_the_team_page_the_sticky_names_leave_most_of_a_phone_to_the_weeks()
    {
        var page = await chromium.OpenAsync(ChromiumFixture.PageUrl(chromium.CourseSite, "sira/index.html"), PhoneWidth, 667);

        var names = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('.team-weeks th[scope=row]')].map(th => th.getBoundingClientRect().width)");
        var firstWeek = await page.EvaluateAsync<double>("document.querySelector('.team-weeks tbody td').getBoundingClientRect().right");

        Assert.NotEmpty(names);
        Assert.All(names, width => Assert.True(width <= PhoneWidth / 3.0, $"a student's name takes {width} px of {PhoneWidth}"));
        Assert.True(firstWeek <= PhoneWidth, $"the first week's cell ends at {firstWeek} px, past the {PhoneWidth} px screen");
    }

    [SkippableFact]
    public async Task Code_blocks_and_tables_scroll_inside_their_own_box()
    {
        var page = await chromium.OpenAsync(site.ReportUrl, PhoneWidth, 667);
        // Every disclosure open: the findings in full, and the suggested fixes inside them.
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

        var boxes = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('pre, table')].filter(e => e.offsetParent).map(e => e.tagName + ':' + getComputedStyle(e).overflowX + ':' + (e.getBoundingClientRect().right <= window.innerWidth))");
        Assert.NotEmpty(boxes);
        Assert.All(boxes, box => Assert.Matches("^(PRE|TABLE):auto:true$", box));
    }
}
