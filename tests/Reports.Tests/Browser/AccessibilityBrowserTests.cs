using Microsoft.Playwright;

namespace Reports.Tests.Browser;

/// <summary>Every kind of page the site has passes axe-core with no serious or critical violation, in light and dark mode.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class AccessibilityBrowserTests(ChromiumFixture chromium)
{
    /// <summary>The pages checked, by name; a new kind of page is one more line here.</summary>
    private static readonly Dictionary<string, Func<ChromiumFixture, string>> Pages = new()
    {
        ["site index"] = c => ChromiumFixture.PageUrl(c.DemoSite, "index.html"),
        ["week report"] = c => c.ReportUrl,
        ["team page"] = c => ChromiumFixture.PageUrl(c.CourseSite, "sira/index.html"),
        ["team member's index"] = c => ChromiumFixture.PageUrl(c.CourseSite, "sira/bintang/index.html"),
        ["team member's report"] = c => ChromiumFixture.PageUrl(c.CourseSite, "sira/abhipraya/sprint-2-week-1/index.html"),
        ["course index"] = c => ChromiumFixture.PageUrl(c.CourseSite, "index.html"),
        ["team page by total"] = c => ChromiumFixture.PageUrl(c.CourseSite, "sira/by-total.html"),
        ["team week"] = c => ChromiumFixture.PageUrl(c.CourseSite, "sira/sprint-2-week-1/index.html"),
    };

    public static TheoryData<string, string> PagesInBothSchemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages.Keys)
        {
            data.Add(page, "light");
            data.Add(page, "dark");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task Page_has_no_serious_or_critical_accessibility_violations(string page, string scheme)
    {
        var colorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        var browserPage = await chromium.OpenAsync(Pages[page](chromium), colorScheme: colorScheme);

        var violations = await Accessibility.BlockingViolationsAsync(browserPage);

        Assert.True(violations.Count == 0, $"{page} ({scheme}):\n" + string.Join('\n', violations));
    }
}
