using System.Globalization;
using Reports.Http;

namespace Reports.GitLab;

/// <summary>
/// The checks on one walk over a GitLab list, page by page. A page named a second time, more pages
/// than <see cref="RemoteClientOptions.MaxPages"/>, a null or unusable item, and (for a list whose
/// total counts what it sends, <see cref="ListedItems{T}.Totalled"/>) one that ends with fewer
/// distinct items than its first page's <c>X-Total</c> or fewer pages than its <c>X-Total-Pages</c>
/// are failures, never an early or endless end. <see cref="Read"/> and <see cref="Shortfall"/>
/// return what went wrong, phrased to follow "GitLab answered GET …", or null when all is well;
/// <paramref name="endpoint"/> writes a URL as messages may show it (redacted).
/// </summary>
internal sealed class GitLabPageWalk<T>(ListedItems<T> items, int maxPages, Func<Uri, string> endpoint)
    where T : class
{
    private const string Unusable = ": the answer cannot be used; re-run, and tell the instance's admins if it persists";

    private readonly HashSet<string> _pages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private int _unkeyed;
    private long? _statedTotal;
    private long? _statedPages;
    private int _read;

    /// <summary>Records that <paramref name="page"/> is about to be read; the first page is never refused.</summary>
    public void Start(Uri page) => _pages.Add(PageKey(page));

    /// <summary>Reads one page's items and paging headers; <paramref name="next"/> is the page it names next, if any.</summary>
    public string? Read(HttpResponseMessage response, IReadOnlyList<T?>? page, Uri? next)
    {
        _read++;
        if (page is null)
        {
            return $"with null instead of a list{Unusable}";
        }

        if (items.FirstFault(page) is { } fault)
        {
            return $"with a list whose item {fault}{Unusable}";
        }

        if (_read == 1 && items.Totalled)
        {
            _statedTotal = Stated(response, "X-Total");
            _statedPages = Stated(response, "X-Total-Pages");
        }

        foreach (var item in page)
        {
            if (items.Key(item!) is not { } key)
            {
                _unkeyed++;
            }
            else
            {
                _keys.Add(key);
            }
        }

        if (next is null)
        {
            return null;
        }

        if (!_pages.Add(PageKey(next)))
        {
            // Following it would read the same pages again, and stopping would drop the rest (the report would be short).
            return $"naming as its next page {endpoint(next)}, a page already read; the list cannot be read to its end: "
                + "check for a proxy in front of GitLab that rewrites Link or X-Next-Page, and re-run";
        }

        if (_read >= maxPages)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"naming yet another page after {maxPages:N0} pages, the most one list may take (MaxPages of the client options): the server seems to page without end");
        }

        return null;
    }

    /// <summary>After the last page: fewer distinct items (or pages) than the first page stated means some were lost.</summary>
    public string? Shortfall()
    {
        var distinct = _keys.Count + _unkeyed;
        if (_statedTotal is { } total && distinct < total)
        {
            return string.Create(CultureInfo.InvariantCulture, $"with {distinct} distinct items over {PagesRead} although its first page said X-Total: {total}")
                + "; items were lost between pages (the list changed while it was read, or the server ended it early): re-run";
        }

        if (_statedPages is { } pages && _read < pages)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"with {PagesRead} although its first page said X-Total-Pages: {pages}; the list ended early: re-run");
        }

        return null;
    }

    private string PagesRead => _read == 1 ? "1 page" : string.Create(CultureInfo.InvariantCulture, $"{_read} pages");

    /// <summary>A page's identity: its path and query pairs in order, <c>page=1</c> when no page is named (GitLab's default).</summary>
    private static string PageKey(Uri page)
    {
        var pairs = page.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!pairs.Any(p => p.StartsWith("page=", StringComparison.Ordinal)))
        {
            pairs.Add("page=1");
        }

        pairs.Sort(StringComparer.Ordinal);
        return page.AbsolutePath + "?" + string.Join('&', pairs);
    }

    /// <summary>A count GitLab states in a header; GitLab leaves the totals out above 10,000 items.</summary>
    private static long? Stated(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
}
