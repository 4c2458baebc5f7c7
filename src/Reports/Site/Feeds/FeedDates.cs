using Reports.Calendar;
using Reports.Model;

namespace Reports.Site.Feeds;

/// <summary>
/// The dates a feed entry (and a Hugo page) states, taken from the data and never from the clock,
/// so that rebuilding unchanged data writes the same bytes.
/// </summary>
internal static class FeedDates
{
    /// <summary>
    /// The window's end (local midnight after its last day) or, when every source finished reading
    /// before that (a week still open when collected), the last collection time: the latest moment
    /// the data describes. Never before the window's start; in the window's time zone.
    /// </summary>
    public static DateTimeOffset Updated(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var start = CollectionTime.Start(snapshot.Window);
        var updated = CollectionTime.Of(snapshot) is { InProgress: true, CollectedAt: { } collected } ? collected : CollectionTime.End(snapshot.Window);
        return updated < start ? start : updated;
    }

    /// <summary>
    /// An entry written before <see cref="SiteEntry.Updated"/> existed: midnight UTC after its last
    /// day (the time zone is not in the entry).
    /// </summary>
    public static DateTimeOffset Updated(SiteEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Updated ?? new DateTimeOffset(entry.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
