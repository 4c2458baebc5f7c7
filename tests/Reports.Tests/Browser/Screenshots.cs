using Microsoft.Playwright;

namespace Reports.Tests.Browser;

/// <summary>
/// Screenshots kept for a person to look at, in <c>tests/Reports.Tests/bin/…/screenshots</c>. Best
/// effort: a shot that fails or times out on a loaded machine never fails a test whose checks passed.
/// </summary>
internal static class Screenshots
{
    private const float TimeoutMs = 10_000;

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static Task TakeAsync(IPage page, string name, bool fullPage = false) =>
        TryAsync(() => page.ScreenshotAsync(new PageScreenshotOptions { Path = PathOf(name), FullPage = fullPage, Timeout = TimeoutMs }));

    public static Task TakeAsync(ILocator element, string name) =>
        TryAsync(() => element.ScreenshotAsync(new LocatorScreenshotOptions { Path = PathOf(name), Timeout = TimeoutMs }));

    private static string PathOf(string name) => Path.Combine(Directory, name + ".png");

    private static async Task TryAsync(Func<Task> shoot)
    {
        try
        {
            await shoot();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or IOException)
        {
            // Only a picture for people is lost; the test's checks have their own outcome.
        }
    }
}
