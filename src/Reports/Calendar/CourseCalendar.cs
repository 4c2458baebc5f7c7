using Reports.Config;
using Reports.Model;

namespace Reports.Calendar;

/// <summary>
/// Turns sprint weeks and date ranges into <see cref="ReportWindow"/>s and windows into instants,
/// in the course time zone. "Now" is always a parameter so callers can pass a <see cref="TimeProvider"/>'s time.
/// </summary>
internal sealed class CourseCalendar
{
    private const string SprintsHint = "(evidence.yml calendar.sprints)";

    public CourseCalendar(CalendarConfig config)
    {
        TimeZoneId = config.TimeZone;
        TimeZone = config.Zone ?? TimeZones.TryFind(config.TimeZone)
            ?? throw new EvidenceException($"calendar.timezone in evidence.yml: {TimeZones.UnknownMessage(config.TimeZone)}");

        var sprints = new List<CalendarSprint>();
        for (var i = 0; i < config.Sprints.Count; i++)
        {
            var sprint = config.Sprints[i];
            if (sprint.Weeks < 1)
            {
                throw new EvidenceException($"calendar.sprints[{i}]: '{sprint.Name}' has {sprint.Weeks} weeks; give it at least 1 {SprintsHint}");
            }

            if (!SupportedDates.Contain(sprint.Start) || sprint.Start.DayNumber + (7 * sprint.Weeks) - 1 > SupportedDates.Last.DayNumber)
            {
                throw new EvidenceException($"calendar.sprints[{i}]: '{sprint.Name}' runs outside the dates evidence supports ({SupportedDates.Range}) {SprintsHint}");
            }

            var number = SprintConfig.NumberFromName(sprint.Name, i + 1);
            if (sprints.FirstOrDefault(s => s.Number == number) is { } clash)
            {
                throw new EvidenceException(
                    $"calendar.sprints[{i}]: '{sprint.Name}' and '{clash.Name}' both have sprint number {number}; give each sprint a distinct number in its name {SprintsHint}");
            }

            sprints.Add(new CalendarSprint(number, sprint.Name, sprint.Start, sprint.Weeks));
        }

        // Ordered by start so that week listings run in calendar order whatever the file order.
        Sprints = [.. sprints.OrderBy(s => s.Start).ThenBy(s => s.Number)];
    }

    /// <summary>The IANA id as configured; copied into every window.</summary>
    public string TimeZoneId { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The configured sprints, ordered by start date.</summary>
    public IReadOnlyList<CalendarSprint> Sprints { get; }

    /// <summary>Week <paramref name="week"/> of sprint <paramref name="sprint"/>: the 7 days from <c>start + 7·(week−1)</c>.</summary>
    public ReportWindow SprintWeek(int sprint, int week)
    {
        if (Sprints.Count == 0)
        {
            throw new EvidenceException(
                "no sprints in the calendar; add calendar.sprints to evidence.yml (e.g. '- { name: Sprint 1, start: 2025-03-10, weeks: 2 }') or choose the window with --from/--to");
        }

        var found = Sprints.FirstOrDefault(s => s.Number == sprint)
            ?? throw new EvidenceException(
                $"sprint {sprint} is not in the calendar; valid sprints: {string.Join(", ", Sprints.Select(s => s.Number).Order())} {SprintsHint}");

        if (week < 1 || week > found.Weeks)
        {
            var valid = string.Join(", ", Enumerable.Range(1, found.Weeks));
            throw new EvidenceException(
                $"week {week} is not in sprint {sprint}; valid weeks: {valid} (evidence.yml calendar.sprints '{found.Name}' weeks: {found.Weeks})");
        }

        return Window(found, week);
    }

    /// <summary>Local dates <paramref name="from"/> to <paramref name="to"/> inclusive; marked as a sprint week when it is exactly one.</summary>
    public ReportWindow Dates(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new EvidenceException($"the window starts {from:yyyy-MM-dd} after it ends {to:yyyy-MM-dd}; --from must be on or before --to");
        }

        if (!SupportedDates.Contain(from) || !SupportedDates.Contain(to))
        {
            throw new EvidenceException($"the window {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is outside the dates evidence supports ({SupportedDates.Range})");
        }

        return AllSprintWeeks().FirstOrDefault(w => w.Start == from && w.End == to)
            ?? new ReportWindow(from, to, TimeZoneId);
    }

    /// <summary>The sprint week containing today's local date, or else the Monday–Sunday week containing it.</summary>
    public ReportWindow CurrentWeek(DateTimeOffset now)
    {
        var today = LocalDate(now);
        if (AllSprintWeeks().FirstOrDefault(w => w.Start <= today && today <= w.End) is { } sprintWeek)
        {
            return sprintWeek;
        }

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new ReportWindow(monday, monday.AddDays(6), TimeZoneId);
    }

    public ReportWindow CurrentWeek(TimeProvider time) => CurrentWeek(time.GetUtcNow());

    /// <summary>Every sprint week that has started by today's local date, in calendar order.</summary>
    public IReadOnlyList<ReportWindow> AllWeeks(DateTimeOffset now)
    {
        var today = LocalDate(now);
        return [.. AllSprintWeeks().Where(w => w.Start <= today)];
    }

    public IReadOnlyList<ReportWindow> AllWeeks(TimeProvider time) => AllWeeks(time.GetUtcNow());

    /// <summary>The local date in the course time zone at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// <c>[local Start 00:00, local End+1 00:00)</c> as instants in the window's time zone. A midnight
    /// skipped by a DST change maps to the first instant after it; a repeated midnight to its first occurrence.
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants(ReportWindow window)
    {
        var zone = ZoneOf(window);
        return (LocalMidnight(window.Start, zone), LocalMidnight(window.End.AddDays(1), zone));
    }

    /// <summary>Whether <paramref name="instant"/> falls in <c>[start, end)</c> of <paramref name="window"/>.</summary>
    public bool Contains(ReportWindow window, DateTimeOffset instant)
    {
        var (start, end) = Instants(window);
        return start <= instant && instant < end;
    }

    /// <summary>The first instant at which the clock in <paramref name="zone"/> reads <paramref name="date"/> 00:00 or later.</summary>
    internal static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier of the two instants.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        if (!zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        // Midnight falls in a spring-forward gap: find the transition instant, where local time jumps past it.
        // UTC offsets lie within ±14h, so local time is below midnight at lo and above it at hi.
        var lo = new DateTimeOffset(local, TimeSpan.Zero).AddHours(-15);
        var hi = new DateTimeOffset(local, TimeSpan.Zero).AddHours(15);
        while (hi - lo > TimeSpan.FromSeconds(1))
        {
            var mid = lo + TimeSpan.FromSeconds(Math.Floor((hi - lo).TotalSeconds / 2));
            if (TimeZoneInfo.ConvertTime(mid, zone).DateTime >= local)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return TimeZoneInfo.ConvertTime(hi, zone);
    }

    private TimeZoneInfo ZoneOf(ReportWindow window) =>
        window.TimeZone == TimeZoneId
            ? TimeZone
            : TimeZones.TryFind(window.TimeZone)
                ?? throw new EvidenceException($"report window time zone {TimeZones.UnknownMessage(window.TimeZone)}; set calendar.timezone in evidence.yml");

    private ReportWindow Window(CalendarSprint sprint, int week)
    {
        var start = sprint.WeekStart(week);
        return new ReportWindow(start, start.AddDays(6), TimeZoneId, sprint.Number, week);
    }

    private IEnumerable<ReportWindow> AllSprintWeeks() =>
        Sprints.SelectMany(s => Enumerable.Range(1, s.Weeks).Select(w => Window(s, w)));
}
