using System.Globalization;
using Reports.Model;

namespace Reports.Calendar;

/// <summary>
/// When a snapshot's data was collected and whether its week was still running then, read from the
/// snapshot alone and never from the clock, so a page says the same for the same snapshot on any day.
/// </summary>
/// <param name="CollectedAt">When the last source finished reading, in the window's time zone; null when the snapshot does not say (schema version 1).</param>
/// <param name="InProgress">Collected before the window ended (local midnight after its last day): the week may still grow.</param>
internal sealed record CollectionTime(DateTimeOffset? CollectedAt, bool InProgress)
{
    /// <summary>The collection time as pages print it, e.g. <c>2025-03-27 14:05 UTC+07:00</c>; null when unknown.</summary>
    public string? Text => CollectedAt is { } at ? Format(at) : null;

    public static CollectionTime Of(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var zone = ZoneOf(snapshot.Window);
        if (snapshot.Sources is not { Count: > 0 } sources)
        {
            return new CollectionTime(null, false);
        }

        var collected = TimeZoneInfo.ConvertTime(sources.Max(s => s.CollectedAt), zone);
        return new CollectionTime(collected, collected < End(snapshot.Window));
    }

    /// <summary>Local midnight before the window's first day, as an instant.</summary>
    public static DateTimeOffset Start(ReportWindow window) => CourseCalendar.LocalMidnight(window.Start, ZoneOf(window));

    /// <summary>Local midnight after the window's last day, as an instant: the week is complete from then on.</summary>
    public static DateTimeOffset End(ReportWindow window) => CourseCalendar.LocalMidnight(window.End.AddDays(1), ZoneOf(window));

    /// <summary>e.g. <c>2025-03-27 14:05 UTC+07:00</c>: the offset, not a zone abbreviation, so every machine prints the same.</summary>
    public static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

    private static TimeZoneInfo ZoneOf(ReportWindow window) =>
        TimeZones.TryFind(window.TimeZone) ?? throw new EvidenceException($"the snapshot's window.timeZone: {TimeZones.UnknownMessage(window.TimeZone)}");
}
