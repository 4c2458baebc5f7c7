using System.Globalization;
using Reports.Http;

namespace Reports.Linear;

/// <summary>
/// The checks on one walk over a Linear connection, page by page. A cursor given a second time, a
/// next page without a cursor, a missing <c>pageInfo</c> and more pages than
/// <see cref="RemoteClientOptions.MaxPages"/> are failures, never an early or endless end.
/// </summary>
internal sealed class LinearCursorWalk(int maxPages)
{
    private readonly HashSet<string> _cursors = new(StringComparer.Ordinal);
    private int _pages;

    /// <summary>The cursor of the next page after <see cref="Follow"/>, null at the end of the list.</summary>
    public string? Cursor { get; private set; }

    /// <summary>
    /// Reads one page's <c>pageInfo</c> (at <paramref name="path"/>, e.g. <c>data.issues.pageInfo</c>) and
    /// sets <see cref="Cursor"/>; returns what went wrong, phrased to follow "Linear answered POST …", or null.
    /// </summary>
    public string? Follow(LinearPageInfo? info, string path)
    {
        _pages++;
        Cursor = null;
        if (info is null)
        {
            return $"without {path}, so whether more pages follow is unknown";
        }

        if (!info.HasNextPage)
        {
            return null;
        }

        if (string.IsNullOrEmpty(info.EndCursor))
        {
            return $"with {path}.hasNextPage but no endCursor, so the rest of the list cannot be asked for";
        }

        if (!_cursors.Add(info.EndCursor))
        {
            // Following it would read the same pages again, and stopping would drop the rest (the report would be short).
            return $"with a {path}.endCursor that an earlier page already gave; the list cannot be read to its end: re-run, and report it to Linear if it persists";
        }

        if (_pages >= maxPages)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"with yet another page after {maxPages:N0} pages, the most one list may take (MaxPages of the client options): the server seems to page without end");
        }

        Cursor = info.EndCursor;
        return null;
    }
}
