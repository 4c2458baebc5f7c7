using Microsoft.Playwright;

namespace Reports.Tests.Browser;

/// <summary>
/// A page opened as hostile data would want it opened: in its own context at one width, optionally
/// with the Content-Security-Policy bypassed (so escaping and sanitizing alone must hold), every
/// request not for a local file aborted and recorded. <see cref="ProblemsAsync"/> lists what a reader
/// must never meet: a dialog, a console error or warning, a page error, a payload's
/// <c>window.__pwned</c>, an element that runs or loads something, a request for anything but the
/// page itself, and a page wider than the window.
/// </summary>
internal sealed class InertPage : IAsyncDisposable
{
    // Elements and attributes a payload would need; the pages have none of their own.
    private const string ActiveElementsScript = """
        () => [...document.querySelectorAll('*')]
            .filter(e => e.matches('script, iframe, frame, object, embed, base, form, img, video, audio, source, math, marquee, meta[http-equiv=refresh]')
                || [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
            .map(e => e.outerHTML.slice(0, 160))
        """;

    private const string WidestScript = """
        () => [...document.body.querySelectorAll('*')]
            .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
            .map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') ?? '') + ' ' + e.scrollWidth).slice(0, 12).join(', ')
        """;

    private readonly IBrowserContext _context;
    private readonly List<string> _events = [];
    private readonly List<string> _requests = [];

    private InertPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Opens <paramref name="url"/> at <paramref name="width"/> px and waits until the network is idle.</summary>
    public static async Task<InertPage> OpenAsync(IBrowser browser, string url, int width, bool bypassCsp)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            BypassCSP = bypassCsp,
        });
        var inert = new InertPage(context, await context.NewPageAsync());
        context.Request += (_, request) => inert._requests.Add(request.Url);
        await context.RouteAsync("**/*", route => route.Request.Url.StartsWith("file://", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        inert.Page.Dialog += (_, dialog) =>
        {
            inert._events.Add($"dialog: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        inert.Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                inert._events.Add($"console {message.Type}: {message.Text}");
            }
        };
        inert.Page.PageError += (_, error) => inert._events.Add($"page error: {error}");
        await inert.Page.GotoAsync(url);
        await inert.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return inert;
    }

    /// <summary>Everything wrong with the page as loaded, one line each; empty when it is inert and fits.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync()
    {
        var problems = new List<string>(_events);
        if (!await Page.EvaluateAsync<bool>("() => window.__pwned === undefined"))
        {
            problems.Add("a payload set window.__pwned");
        }

        problems.AddRange((await Page.EvaluateAsync<string[]>(ActiveElementsScript)).Select(e => "active element: " + e));
        problems.AddRange(_requests.Where(r => r != Page.Url).Select(r => "requested: " + r));
        var (scrollWidth, innerWidth) = (await Page.EvaluateAsync<int>("document.scrollingElement.scrollWidth"), await Page.EvaluateAsync<int>("window.innerWidth"));
        if (scrollWidth > innerWidth)
        {
            problems.Add($"the page is {scrollWidth} px wide at {innerWidth} px; past the edge: {await Page.EvaluateAsync<string>(WidestScript)}");
        }

        return problems;
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
