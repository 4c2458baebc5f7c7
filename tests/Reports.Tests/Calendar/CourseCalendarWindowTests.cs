using Reports.Calendar;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Config;
using Reports.Model;
using static Reports.Tests.Calendar.CalendarFixtures;

namespace Reports.Tests.Calendar;

public sealed class CourseCalendarWindowTests
{
    [Theory]
    [InlineData(1, 1, "2025-03-10", "2025-03-16")]
    [InlineData(1, 2, "2025-03-17", "2025-03-23")]
    [InlineData(2, 1, "2025-03-24", "2025-03-30")]
    [InlineData(2, 2, "2025-03-31", "2025-04-06")]
    [InlineData(3, 3, "2025-04-21", "2025-04-27")]
    public void Sprint_week_is_seven_days_from_start_plus_seven_times_week_minus_one(int sprint, int week, string start, string end)
    {
        var window = Jakarta().SprintWeek(sprint, week);

        Assert.Equal(new ReportWindow(Date(start), Date(end), "Asia/Jakarta", sprint, week), window);
    }

    [Fact]
    public void Sprint_without_integer_in_its_name_is_numbered_by_position()
    {
        var calendar = new CourseCalendar(new CalendarConfig
        {
            Sprints = [new SprintConfig("Kickoff", Date("2025-02-24"), 1), new SprintConfig("Build", Date("2025-03-03"), 2)],
        });

        Assert.Equal([1, 2], calendar.Sprints.Select(s => s.Number));
        Assert.Equal(Date("2025-03-10"), calendar.SprintWeek(2, 2).Start);
    }

    [Fact]
    public void Unknown_sprint_message_lists_the_valid_sprints()
    {
        var e = Assert.Throws<EvidenceException>(() => Jakarta().SprintWeek(9, 1));

        Assert.Equal("sprint 9 is not in the calendar; valid sprints: 1, 2, 3 (evidence.yml calendar.sprints)", e.Message);
        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(e));
    }

    [Theory]
    [InlineData(2, 0, "week 0 is not in sprint 2; valid weeks: 1, 2")]
    [InlineData(2, 3, "week 3 is not in sprint 2; valid weeks: 1, 2")]
    [InlineData(3, 4, "week 4 is not in sprint 3; valid weeks: 1, 2, 3")]
    public void Unknown_week_message_lists_the_valid_weeks_of_that_sprint(int sprint, int week, string expectedStart)
    {
        var e = Assert.Throws<EvidenceException>(() => Jakarta().SprintWeek(sprint, week));

        Assert.StartsWith(expectedStart, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Sprint_week_without_sprints_says_to_add_calendar_sprints()
    {
        var e = Assert.Throws<EvidenceException>(() => Zone("Asia/Jakarta").SprintWeek(1, 1));

        Assert.Contains("add calendar.sprints", e.Message);
    }

    [Fact]
    public void Unknown_time_zone_is_named_in_the_error()
    {
        var e = Assert.Throws<EvidenceException>(() => Zone("Asia/Jakartaa"));

        Assert.Contains("'Asia/Jakartaa'", e.Message);
        Assert.Contains("did you mean 'Asia/Jakarta'?", e.Message);
    }

    [Fact]
    public void Two_sprints_with_the_same_number_are_rejected()
    {
        var config = new CalendarConfig
        {
            Sprints = [new SprintConfig("Sprint 2", Date("2025-03-10"), 2), new SprintConfig("Sprint 2 (again)", Date("2025-03-24"), 2)],
        };

        var e = Assert.Throws<EvidenceException>(() => new CourseCalendar(config));

        Assert.Contains("sprint number 2", e.Message);
    }

    [Fact]
    public void Dates_that_are_exactly_a_sprint_week_are_labelled_with_it()
    {
        var window = Jakarta().Dates(Date("2025-03-31"), Date("2025-04-06"));

        Assert.Equal((2, 2), (window.Sprint, window.Week));
        Assert.Equal("sprint-2-week-2", window.Slug);
    }

    [Theory]
    [InlineData("2025-03-31", "2025-04-05")]
    [InlineData("2025-03-24", "2025-04-06")]
    [InlineData("2025-05-01", "2025-05-01")]
    public void Dates_that_are_not_one_sprint_week_have_no_sprint(string from, string to)
    {
        var window = Jakarta().Dates(Date(from), Date(to));

        Assert.Equal(new ReportWindow(Date(from), Date(to), "Asia/Jakarta"), window);
    }

    [Fact]
    public void Dates_from_after_to_is_an_error()
    {
        var e = Assert.Throws<EvidenceException>(() => Jakarta().Dates(Date("2025-03-30"), Date("2025-03-24")));

        Assert.Contains("--from", e.Message);
    }

    [Theory]
    [InlineData("2025-03-26T10:00:00Z", "2025-03-24", "2025-03-30", 2, 1)]
    [InlineData("2025-03-30T16:59:59Z", "2025-03-24", "2025-03-30", 2, 1)]
    [InlineData("2025-03-30T17:00:00Z", "2025-03-31", "2025-04-06", 2, 2)]
    [InlineData("2025-03-10T00:00:00+07:00", "2025-03-10", "2025-03-16", 1, 1)]
    [InlineData("2025-04-27T23:59:59+07:00", "2025-04-21", "2025-04-27", 3, 3)]
    public void Current_week_inside_a_sprint_is_that_sprint_week(string now, string start, string end, int sprint, int week)
    {
        var window = Jakarta().CurrentWeek(Instant(now));

        Assert.Equal(new ReportWindow(Date(start), Date(end), "Asia/Jakarta", sprint, week), window);
    }

    [Theory]
    [InlineData("2025-06-04T12:00:00Z", "2025-06-02", "2025-06-08")]
    [InlineData("2025-06-08T12:00:00Z", "2025-06-02", "2025-06-08")]
    [InlineData("2025-06-08T18:00:00Z", "2025-06-09", "2025-06-15")]
    [InlineData("2025-03-09T16:59:59Z", "2025-03-03", "2025-03-09")]
    [InlineData("2025-04-27T17:00:00Z", "2025-04-28", "2025-05-04")]
    public void Current_week_outside_sprints_is_the_local_monday_to_sunday_week(string now, string start, string end)
    {
        var window = Jakarta().CurrentWeek(Instant(now));

        Assert.Equal(new ReportWindow(Date(start), Date(end), "Asia/Jakarta"), window);
    }

    [Fact]
    public void Current_week_reads_now_from_a_time_provider()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Instant("2025-04-01T03:00:00Z"));

        Assert.Equal("sprint-2-week-2", Jakarta().CurrentWeek(time).Slug);
    }

    [Theory]
    [InlineData("2025-03-09T16:59:59Z", "")]
    [InlineData("2025-03-09T17:00:00Z", "sprint-1-week-1")]
    [InlineData("2025-03-26T12:00:00+07:00", "sprint-1-week-1 sprint-1-week-2 sprint-2-week-1")]
    [InlineData("2025-12-31T00:00:00Z", "sprint-1-week-1 sprint-1-week-2 sprint-2-week-1 sprint-2-week-2 sprint-3-week-1 sprint-3-week-2 sprint-3-week-3")]
    public void All_weeks_are_the_sprint_weeks_started_by_today_in_order(string now, string expectedSlugs)
    {
        var weeks = Jakarta().AllWeeks(Instant(now));

        Assert.Equal(expectedSlugs, string.Join(' ', weeks.Select(w => w.Slug)));
    }

    [Fact]
    public void All_weeks_run_in_calendar_order_whatever_the_file_order()
    {
        var calendar = new CourseCalendar(new CalendarConfig
        {
            Sprints = [new SprintConfig("Sprint 2", Date("2025-03-24"), 1), new SprintConfig("Sprint 1", Date("2025-03-10"), 1)],
        });

        var weeks = calendar.AllWeeks(Instant("2025-12-31T00:00:00Z"));

        Assert.Equal(["sprint-1-week-1", "sprint-2-week-1"], weeks.Select(w => w.Slug));
    }
}
