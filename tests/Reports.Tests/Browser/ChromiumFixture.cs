using Microsoft.Playwright;
using Xunit.Abstractions;
using Reports.Tests.Support;

namespace Reports.Tests.Browser;

/// <summary>
/// The demo site rendered once and Debian's headless Chromium (<c>/usr/bin/chromium</c>, or
/// EVIDENCE_CHROMIUM) driven by Playwright, shared by the browser tests. Without Chromium every
/// browser test skips naming the fix, or fails under CI (<see cref="MachineTool"/>).
/// </summary>
public sealed class ChromiumFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly TempDirectory _site = new();
    private readonly TempDirectory _course = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The folder <c>evidence demo</c> wrote: the site index and one week's report.</summary>
    public string DemoSite => _site.Path;

    public string ReportUrl => PageUrl(DemoSite, "sprint-2-week-1/index.html");

    /// <summary>A course folder as the course recipe of docs/publishing.md writes it: <c>evidence demo --team</c> in <c>sira/</c> and the course index.</summary>
    public string CourseSite => _course.Path;

    public static string PageUrl(string site, string relative) => new Uri(Path.Combine(site, relative)).AbsoluteUri;

    public async Task InitializeAsync()
    {
        var executable = MachineTool.Chromium.Require(diagnostics);
        var result = await EvidenceCli.RunAsync("demo", "--out", _site.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, (await EvidenceCli.RunAsync("demo", "--team", "--out", _course.Combine("sira"))).ExitCode);
        Assert.Equal(0, (await EvidenceCli.RunAsync("course-index", "--site", _course.Path)).ExitCode);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page at <paramref name="url"/> with the given viewport and colour scheme.</summary>
    public async Task<IPage> OpenAsync(string url, int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _site.Dispose();
        _course.Dispose();
    }
}
