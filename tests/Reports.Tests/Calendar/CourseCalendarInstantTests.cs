using Reports.Model;
using static Reports.Tests.Calendar.CalendarFixtures;

namespace Reports.Tests.Calendar;

public sealed class CourseCalendarInstantTests
{
    private static readonly ReportWindow JakartaSprint2Week1 = new(Date("2025-03-24"), Date("2025-03-30"), "Asia/Jakarta", 2, 1);

    [Theory]
    [InlineData("2025-03-24T00:00:00+07:00", true)]
    [InlineData("2025-03-23T17:00:00Z", true)]
    [InlineData("2025-03-23T23:59:59+07:00", false)]
    [InlineData("2025-03-23T16:59:59Z", false)]
    [InlineData("2025-03-30T23:59:59+07:00", true)]
    [InlineData("2025-03-30T16:59:59Z", true)]
    [InlineData("2025-03-31T00:00:00+07:00", false)]
    [InlineData("2025-03-30T17:00:00Z", false)]
    [InlineData("2025-03-31T02:00:00+09:00", false)]
    [InlineData("2025-03-30T13:00:00-04:00", false)]
    [InlineData("2025-03-30T11:59:59-05:00", true)]
    public void Jakarta_window_runs_from_local_midnight_to_local_midnight_after_the_last_day(string instant, bool inside)
    {
        Assert.Equal(inside, Jakarta().Contains(JakartaSprint2Week1, Instant(instant)));
    }

    [Fact]
    public void Jakarta_window_instants_are_local_midnights()
    {
        var (start, end) = Jakarta().Instants(JakartaSprint2Week1);

        Assert.Equal(Instant("2025-03-23T17:00:00Z"), start);
        Assert.Equal(Instant("2025-03-30T17:00:00Z"), end);
        Assert.Equal(TimeSpan.FromHours(7), start.Offset);
    }

    [Theory]
    // Europe/Berlin springs forward at 02:00 on 2025-03-30 and falls back at 03:00 on 2025-10-26.
    [InlineData("Europe/Berlin", "2025-03-24", "2025-03-30", "2025-03-24T00:00:00+01:00", "2025-03-31T00:00:00+02:00", 167)]
    [InlineData("Europe/Berlin", "2025-10-20", "2025-10-26", "2025-10-20T00:00:00+02:00", "2025-10-27T00:00:00+01:00", 169)]
    // America/Santiago skips 2025-09-07 00:00 (clocks jump to 01:00).
    [InlineData("America/Santiago", "2025-09-07", "2025-09-13", "2025-09-07T01:00:00-03:00", "2025-09-14T00:00:00-03:00", 167)]
    [InlineData("America/Santiago", "2025-09-01", "2025-09-06", "2025-09-01T00:00:00-04:00", "2025-09-07T01:00:00-03:00", 144)]
    // America/Santiago repeats 23:00 on 2025-04-05, so the next midnight is unambiguous.
    [InlineData("America/Santiago", "2025-03-31", "2025-04-06", "2025-03-31T00:00:00-03:00", "2025-04-07T00:00:00-04:00", 169)]
    // America/Havana skips 2025-03-09 00:00 and repeats 2025-11-02 00:00; the earlier instant counts.
    [InlineData("America/Havana", "2025-03-09", "2025-03-09", "2025-03-09T01:00:00-04:00", "2025-03-10T00:00:00-04:00", 23)]
    [InlineData("America/Havana", "2025-11-02", "2025-11-02", "2025-11-02T00:00:00-04:00", "2025-11-03T00:00:00-05:00", 25)]
    // Pacific/Apia skipped the whole of 2011-12-30 when it crossed the date line.
    [InlineData("Pacific/Apia", "2011-12-30", "2011-12-31", "2011-12-31T00:00:00+14:00", "2012-01-01T00:00:00+14:00", 24)]
    public void Window_instants_follow_daylight_saving_changes(string zone, string from, string to, string expectedStart, string expectedEnd, int hours)
    {
        var calendar = Zone(zone);

        var (start, end) = calendar.Instants(calendar.Dates(Date(from), Date(to)));

        Assert.Equal(Instant(expectedStart), start);
        Assert.Equal(Instant(expectedEnd), end);
        Assert.Equal(TimeSpan.FromHours(hours), end - start);
    }

    [Theory]
    [InlineData("2025-09-06T23:59:59-04:00", false)]
    [InlineData("2025-09-07T04:00:00Z", true)]
    [InlineData("2025-09-07T01:00:00-03:00", true)]
    public void Santiago_window_starting_on_a_skipped_midnight_starts_when_the_clock_jumps(string instant, bool inside)
    {
        var calendar = Zone("America/Santiago");
        var window = calendar.Dates(Date("2025-09-07"), Date("2025-09-13"));

        Assert.Equal(inside, calendar.Contains(window, Instant(instant)));
    }

    [Fact]
    public void Window_is_read_in_its_own_time_zone()
    {
        var window = new ReportWindow(Date("2025-03-24"), Date("2025-03-24"), "Europe/Berlin");

        var (start, _) = Jakarta().Instants(window);

        Assert.Equal(Instant("2025-03-23T23:00:00Z"), start);
    }
}
