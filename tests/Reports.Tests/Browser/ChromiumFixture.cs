using Microsoft.Playwright;
using Reports.Tests.Support;

namespace Reports.Tests.Browser;

/// <summary>
/// The demo site rendered once and Debian's headless Chromium (<c>/usr/bin/chromium</c>, or
/// EVIDENCE_CHROMIUM) driven by Playwright, shared by the browser tests.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private readonly TempDirectory _site = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string ReportUrl => new Uri(Path.Combine(_site.Path, "sprint-2-week-1", "index.html")).AbsoluteUri;

    /// <summary>Where screenshots are kept for a person to look at: <c>tests/Reports.Tests/bin/…/screenshots</c>.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var result = await EvidenceCli.RunAsync("demo", "--out", _site.Path);
        Assert.Equal(0, result.ExitCode);

        var executable = Environment.GetEnvironmentVariable("EVIDENCE_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(executable), $"browser tests need Chromium at {executable}: apt-get install -y chromium (or set EVIDENCE_CHROMIUM)");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _site.Dispose();
    }
}
