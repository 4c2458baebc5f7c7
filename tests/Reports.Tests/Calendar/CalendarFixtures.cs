using System.Globalization;
using Reports.Calendar;
using Reports.Config;

namespace Reports.Tests.Calendar;

internal static class CalendarFixtures
{
    /// <summary>Three Jakarta sprints: 1 from 2025-03-10 (2 weeks), 2 from 2025-03-24 (2 weeks), 3 from 2025-04-07 (3 weeks).</summary>
    public static CourseCalendar Jakarta() => new(new CalendarConfig
    {
        TimeZone = "Asia/Jakarta",
        Sprints =
        [
            new SprintConfig("Sprint 1", new DateOnly(2025, 3, 10), 2),
            new SprintConfig("Sprint 2", new DateOnly(2025, 3, 24), 2),
            new SprintConfig("Sprint 3", new DateOnly(2025, 4, 7), 3),
        ],
    });

    public static CourseCalendar Zone(string timeZone) => new(new CalendarConfig { TimeZone = timeZone });

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
