using Microsoft.Playwright;
using Reports.Tests.Cli;

namespace Reports.Tests.Browser;

/// <summary>
/// Every kind of page a roster course writes (<see cref="BuiltCourse"/>: three teams built against the
/// fake GitLab, a hostile student name, formula names and a hostile tutor), on a phone and a laptop: no
/// payload runs even with the Content-Security-Policy bypassed, nothing is requested but the page
/// itself, no page scrolls sideways, and axe-core finds no serious or critical violation.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class CourseBrowserTests(ChromiumFixture chromium, BuiltCourse course) : IClassFixture<BuiltCourse>
{
    /// <summary>One page of each kind, chosen where the hostile text shows.</summary>
    private static readonly Dictionary<string, string> Pages = new()
    {
        ["course index"] = "index.html",
        ["tutor view"] = CourseScenario.HostileTutorPage,
        ["team page"] = "sira/index.html",
        ["team page by total"] = "kopi/by-total.html",
        ["team week"] = "sira/sprint-2-week-1/index.html",
        ["student index"] = "sira/citra/index.html",
        ["student report"] = "sira/citra/sprint-2-week-1/index.html",
    };

    public static TheoryData<string, int> PagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in Pages.Keys)
        {
            data.Add(page, 375);
            data.Add(page, 1280);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task Every_course_page_is_inert_fits_and_has_no_serious_accessibility_violation(string name, int width)
    {
        var url = ChromiumFixture.PageUrl(course.Output, Pages[name]);
        await using (var bypassed = await InertPage.OpenAsync(chromium.Browser, url, width, bypassCsp: true))
        {
            var problems = await bypassed.ProblemsAsync();
            Assert.True(problems.Count == 0, $"{name} at {width} px, policy bypassed:\n" + string.Join('\n', problems));
        }

        await using var inert = await InertPage.OpenAsync(chromium.Browser, url, width, bypassCsp: false);
        var problemsWithPolicy = await inert.ProblemsAsync();
        var violations = await Accessibility.BlockingViolationsAsync(inert.Page);

        Assert.True(problemsWithPolicy.Count == 0, $"{name} at {width} px:\n" + string.Join('\n', problemsWithPolicy));
        Assert.True(violations.Count == 0, $"{name} at {width} px:\n" + string.Join('\n', violations));
        await Screenshots.TakeAsync(inert.Page, $"course-{name.Replace(' ', '-')}-{width}", fullPage: true);
    }

    [SkippableTheory]
    [InlineData("course index")]
    [InlineData("tutor view")]
    public async Task The_hostile_tutor_shows_as_text(string name)
    {
        await using var inert = await InertPage.OpenAsync(chromium.Browser, ChromiumFixture.PageUrl(course.Output, Pages[name]), 1280, bypassCsp: true);

        var text = await inert.Page.InnerTextAsync("main");

        // Every place the tutor is named shows the whole name as written, the override as <U+202E>.
        var shown = CourseScenario.HostileTutor.Replace("\u202E", "<U+202E>", StringComparison.Ordinal);
        Assert.True(Count(text, "=HYPERLINK(") >= 2, text);
        Assert.Equal(Count(text, "=HYPERLINK("), Count(text, shown));
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
