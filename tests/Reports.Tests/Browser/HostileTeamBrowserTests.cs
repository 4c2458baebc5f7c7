using Microsoft.Playwright;
using Reports.Tests.Site;

namespace Reports.Tests.Browser;

/// <summary>
/// The hostile team site (<see cref="HostileTeamSite"/>) in Chromium, on a phone and a laptop: no
/// payload runs, even with the Content-Security-Policy bypassed (so escaping and sanitizing alone
/// hold), nothing is requested but the page itself, the console stays quiet, no page scrolls
/// sideways, and axe-core finds no serious or critical violation.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class HostileTeamBrowserTests(ChromiumFixture chromium, HostileTeamSite site) : IClassFixture<HostileTeamSite>
{
    public static TheoryData<string, int, bool> PagesWidthsAndPolicies()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var page in new[] { "course index", "team page", "team week", "student index", "report" })
        {
            foreach (var width in new[] { 375, 1280 })
            {
                data.Add(page, width, false);
                data.Add(page, width, true);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(PagesWidthsAndPolicies))]
    public async Task Nothing_runs_nothing_is_requested_and_nothing_scrolls_sideways(string name, int width, bool bypassCsp)
    {
        await using var inert = await InertPage.OpenAsync(chromium.Browser, ChromiumFixture.PageUrl(site.Path, site.Pages[name]), width, bypassCsp);

        var problems = await inert.ProblemsAsync();

        Assert.True(problems.Count == 0, $"{name} at {width} px:\n" + string.Join('\n', problems));
        if (!bypassCsp)
        {
            await Screenshots.TakeAsync(inert.Page, $"hostile-{name.Replace(' ', '-')}-{width}", fullPage: true);
        }
    }

    [SkippableTheory]
    [InlineData("team page")]
    [InlineData("team week")]
    [InlineData("report")]
    public async Task Hostile_pages_have_no_serious_or_critical_accessibility_violations(string name)
    {
        var page = await chromium.OpenAsync(ChromiumFixture.PageUrl(site.Path, site.Pages[name]));

        var violations = await Accessibility.BlockingViolationsAsync(page);

        Assert.True(violations.Count == 0, $"{name}:\n" + string.Join('\n', violations));
    }
}
