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
        var window = snapshot.Window;
        var zone = TimeZones.TryFind(window.TimeZone)
            ?? throw new EvidenceException($"the snapshot's window.timeZone: {TimeZones.UnknownMessage(window.TimeZone)}");
        var start = CourseCalendar.LocalMidnight(window.Start, zone);
        var end = CourseCalendar.LocalMidnight(window.End.AddDays(1), zone);
        var updated = snapshot.Sources is { Count: > 0 } sources && sources.Max(s => s.CollectedAt) is var collected && collected < end
            ? collected
            : end;
        return TimeZoneInfo.ConvertTime(updated < start ? start : updated, zone);
    }

    /// <summary>Whether every source finished reading before the window ended: the week was still open when collected.</summary>
    public static bool IsInProgress(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var zone = TimeZones.TryFind(snapshot.Window.TimeZone)
            ?? throw new EvidenceException($"the snapshot's window.timeZone: {TimeZones.UnknownMessage(snapshot.Window.TimeZone)}");
        return snapshot.Sources is { Count: > 0 } sources && sources.Max(s => s.CollectedAt) < CourseCalendar.LocalMidnight(snapshot.Window.End.AddDays(1), zone);
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
