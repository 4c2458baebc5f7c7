using Microsoft.Playwright;
using Reports.Model;

namespace Reports.Tests.Browser;

/// <summary>The demo report as a reader sees it in Chromium, on a laptop, a phone and paper.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class DemoPageBrowserTests(ChromiumFixture chromium)
{
    private static readonly string[] Sections =
    [
        "Overview",
        "1. Threaded MR Reviews with Severity Grading",
        "2. Merge Coordination",
        "3. Direct Code Contributions to Review Findings",
        "4. Linear Ticket Management",
        "5. Planning",
        "6. Automation",
        "Evidence",
    ];

    [SkippableTheory]
    [InlineData(1280, 800)]
    [InlineData(375, 667)]
    public async Task Every_section_shows_its_data_without_sideways_scrolling(int width, int height)
    {
        var page = await OpenAsync(width, height);

        var headings = await page.Locator("main h2").AllInnerTextsAsync();
        Assert.Equal(Sections, headings.Where(Sections.Contains));
        Assert.Equal("Lessons learned", headings[^2]);
        foreach (var section in Sections)
        {
            var content = await page.EvaluateAsync<string>(
                "title => { let h = [...document.querySelectorAll('main h2')].find(e => e.textContent === title); let text = ''; for (let n = h.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling) text += n.innerText; return text; }",
                section);
            Assert.False(string.IsNullOrWhiteSpace(content), $"section '{section}' is empty");
            Assert.DoesNotMatch("^No .* in this window", content);
        }

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
        await Screenshots.TakeAsync(page, $"demo-{width}", fullPage: true);
    }

    [SkippableTheory]
    [InlineData(1280, 800)]
    [InlineData(375, 667)]
    public async Task The_activity_chart_is_drawn_visible_and_inside_the_page_width(int width, int height)
    {
        var page = await OpenAsync(width, height);

        foreach (var id in new[] { "chart-activity" })
        {
            var chart = page.Locator($"#{id} svg[role=img]");
            Assert.Equal(1, await chart.CountAsync());
            Assert.True(await chart.IsVisibleAsync(), $"{id} is not visible at {width} px");
            var box = await chart.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width > 200 && box.Height > 80, $"{id} is {box.Width}x{box.Height} at {width} px");
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{id} overflows the viewport at {width} px");
            Assert.Equal(2, await chart.Locator("title, desc").CountAsync());
            Assert.True(await chart.Locator("rect.bar").CountAsync() > 0);
            await Screenshots.TakeAsync(chart, $"{id}-{width}");
        }

        await page.Locator("#chart-activity").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, $"demo-{width}-activity-in-view");

        // The smallest text in a chart is still readable once the SVG is scaled to a phone's width.
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('.chart svg text')].map(t => t.getBoundingClientRect().height).filter(h => h > 0))");
        Assert.True(smallest >= 8, $"chart text is {smallest} px tall at {width} px");
    }

    [SkippableFact]
    public async Task The_chart_follows_dark_mode_with_light_text_and_bars_that_differ_from_the_background()
    {
        var page = await chromium.OpenAsync(chromium.ReportUrl, colorScheme: ColorScheme.Dark);

        var label = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#chart-activity svg text')).fill");
        var bar = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#chart-activity rect.bar-findings')).fill");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

        Assert.Equal("rgb(230, 237, 243)", label);
        Assert.Equal("rgb(68, 147, 248)", bar);
        Assert.Equal("rgb(13, 17, 23)", background);
        await Screenshots.TakeAsync(page, "demo-1280-dark", fullPage: true);
        await Screenshots.TakeAsync(page.Locator("#chart-activity"), "chart-activity-1280-dark");
    }

    [SkippableFact]
    public async Task Page_loads_with_no_console_errors_or_blocked_resources()
    {
        var problems = new List<string>();
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");

        await page.GotoAsync(chromium.ReportUrl);

        Assert.Empty(problems);
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('h2')).borderBottomColor"));
    }

    [SkippableFact]
    public async Task Suggested_fix_opens_to_show_its_code()
    {
        var page = await OpenAsync(1280, 800);
        var fix = page.Locator("details").First;

        Assert.False(await fix.Locator("pre").IsVisibleAsync());
        await fix.Locator("summary").ClickAsync();

        Assert.True(await fix.Locator("pre").IsVisibleAsync());
        Assert.Contains("docker compose", await fix.Locator("pre").InnerTextAsync());
    }

    [SkippableFact]
    public async Task Printed_page_hides_navigation_and_spells_out_link_targets()
    {
        var page = await OpenAsync(1280, 800);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator("nav.site").IsVisibleAsync());
        var after = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main a[href^=\"http\"]'), '::after').content");
        Assert.Contains("https://", after);
        Assert.True(await page.Locator("#chart-activity svg[role=img]").IsVisibleAsync());
        await Screenshots.TakeAsync(page.Locator("#chart-activity"), "chart-activity-print");
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    [InlineData("print")]
    public async Task Student_notes_carry_a_legible_label_and_rule_on_screen_and_paper(string mode)
    {
        var page = await chromium.OpenAsync(chromium.ReportUrl, colorScheme: mode == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        if (mode == "print")
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        }

        var narrative = page.Locator("div.narrative").First;
        var label = await narrative.EvaluateAsync<string[]>(
            "e => { const b = getComputedStyle(e, '::before'); return [b.content, b.color, getComputedStyle(e).borderLeftColor, getComputedStyle(e).borderLeftWidth, getComputedStyle(document.body).backgroundColor]; }");

        Assert.Equal("\"Student's notes\"", label[0]);
        Assert.Equal(label[1], label[2]);
        Assert.NotEqual("0px", label[3]);
        Assert.True(Contrast(label[1], label[4]) >= 4.5, $"label {label[1]} on {label[4]} in {mode}");
        Assert.True(await page.Locator("div.narrative").CountAsync() >= 8);
        await Screenshots.TakeAsync(narrative, $"narrative-{mode}");
    }

    /// <summary>WCAG contrast ratio of two computed colours, <c>rgb(r, g, b)</c>.</summary>
    private static double Contrast(string a, string b)
    {
        static double Luminance(string rgb)
        {
            var c = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Take(3)
                .Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture) / 255)
                .Select(x => x <= 0.03928 ? x / 12.92 : Math.Pow((x + 0.055) / 1.055, 2.4)).ToArray();
            return (0.2126 * c[0]) + (0.7152 * c[1]) + (0.0722 * c[2]);
        }

        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    private Task<IPage> OpenAsync(int width, int height) => chromium.OpenAsync(chromium.ReportUrl, width, height);
}
