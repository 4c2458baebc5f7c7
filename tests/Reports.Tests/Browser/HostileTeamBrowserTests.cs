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
        foreach (var page in new[] { "course index", "team page", "student index", "report" })
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
        var url = ChromiumFixture.PageUrl(site.Path, site.Pages[name]);
        var problems = new List<string>();
        var requests = new List<string>();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            BypassCSP = bypassCsp,
        });
        context.Request += (_, request) => requests.Add(request.Url);
        await context.RouteAsync("**/*", route => route.Request.Url.StartsWith("file://", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            problems.Add($"dialog: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");

        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "a payload set window.__pwned");
        Assert.True(problems.Count == 0, $"{name} at {width} px: " + string.Join("; ", problems));
        Assert.Equal([page.Url], requests);
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        var widest = await page.EvaluateAsync<string>(
            "() => [...document.body.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible').map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + e.scrollWidth).slice(0, 12).join(', ')");
        Assert.True(scrollWidth <= innerWidth, $"{name} is {scrollWidth} px wide at {innerWidth} px; past the edge: {widest}");
        if (!bypassCsp)
        {
            await Screenshots.TakeAsync(page, $"hostile-{name.Replace(' ', '-')}-{width}", fullPage: true);
        }
    }

    [SkippableTheory]
    [InlineData("team page")]
    [InlineData("report")]
    public async Task Hostile_pages_have_no_serious_or_critical_accessibility_violations(string name)
    {
        var page = await chromium.OpenAsync(ChromiumFixture.PageUrl(site.Path, site.Pages[name]));

        var violations = await Accessibility.BlockingViolationsAsync(page);

        Assert.True(violations.Count == 0, $"{name}:\n" + string.Join('\n', violations));
    }
}
