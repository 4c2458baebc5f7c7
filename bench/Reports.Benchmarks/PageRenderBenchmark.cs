using System.Globalization;
using Microsoft.Playwright;

/// <summary>
/// `page-render SITE [--runs N] [PAGE…]`: how long a built site's pages take to show in headless
/// Chromium (Debian's <c>/usr/bin/chromium</c>, or EVIDENCE_CHROMIUM; never a downloaded browser).
/// Each page is loaded cold <c>--runs</c> times (default 20), each in a fresh browser context (empty
/// cache) after one warm-up load; the Navigation Timing and Paint Timing entries give navigation start
/// → first contentful paint and → load event end. Without pages: the course index, the largest tutor
/// view and the largest team page.
/// </summary>
internal static class PageRenderBenchmark
{
    private const string TimingScript = """
        () => new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error('no first contentful paint within 10 s')), 10000);
            const navigation = performance.getEntriesByType('navigation')[0];
            const done = paint => resolve([paint.startTime, navigation.loadEventEnd, navigation.domContentLoadedEventEnd]);
            const painted = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
            if (painted) { done(painted); return; }
            new PerformanceObserver(list => {
                const p = list.getEntries().find(e => e.name === 'first-contentful-paint');
                if (p) done(p);
            }).observe({ type: 'paint', buffered: true });
        })
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var site, ..] || !Directory.Exists(site))
        {
            Console.Error.WriteLine("usage: page-render SITE [--runs N] [PAGE…]   (PAGE relative to SITE)");
            return 2;
        }

        var runs = SiteBenchmark.Option(args, "--runs", 20);
        var named = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && args[i] != "--runs").ToList();
        var pages = named.Count > 0 ? named : DefaultPages(site);
        var chromium = Environment.GetEnvironmentVariable("EVIDENCE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Console.WriteLine($"{runs} cold loads each, 1280 × 800, {chromium} {browser.Version}");
        Console.WriteLine("| page | size KB | elements | first contentful paint ms (median, range) | load event end ms (median, range) |");
        Console.WriteLine("| --- | ---: | ---: | --- | --- |");
        foreach (var page in pages)
        {
            var url = new Uri(Path.GetFullPath(Path.Combine(site, page))).AbsoluteUri;
            var (_, elements) = await LoadAsync(browser, url);
            var timings = new List<(double Paint, double Load)>();
            for (var i = 0; i < runs; i++)
            {
                timings.Add((await LoadAsync(browser, url)).Timing);
            }

            var size = new FileInfo(Path.Combine(site, page)).Length / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {page} | {size:0} | {elements:N0} | {Summary(timings.Select(t => t.Paint))} | {Summary(timings.Select(t => t.Load))} |"));
        }

        return 0;
    }

    // One cold load: a fresh context has an empty cache.
    private static async Task<((double Paint, double Load) Timing, int Elements)> LoadAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var timing = await page.EvaluateAsync<double[]>(TimingScript);
        var elements = await page.EvaluateAsync<int>("document.getElementsByTagName('*').length");
        return ((timing[0], timing[1]), elements);
    }

    private static string Summary(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{median:0} ({sorted[0]:0}–{sorted[^1]:0})");
    }

    // The course index, the largest tutor view and the largest team page (a folder's index.html beside its team.json).
    private static List<string> DefaultPages(string site)
    {
        static string? Largest(IEnumerable<string> files) => files.OrderByDescending(f => new FileInfo(f).Length).FirstOrDefault();
        var tutor = Directory.Exists(Path.Combine(site, "tutor")) ? Largest(Directory.GetFiles(Path.Combine(site, "tutor"), "*.html")) : null;
        var team = Largest(Directory.GetDirectories(site).Where(d => File.Exists(Path.Combine(d, "team.json"))).Select(d => Path.Combine(d, "index.html")).Where(File.Exists));
        return [.. new[] { Path.Combine(site, "index.html"), tutor, team }.OfType<string>().Select(f => Path.GetRelativePath(site, f))];
    }
}
