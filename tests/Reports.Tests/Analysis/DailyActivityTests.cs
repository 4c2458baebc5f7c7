using Reports.Analysis;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Tests.Support;

namespace Reports.Tests.Analysis;

/// <summary>Activity per day: every counted event lands on its local date in the window's time zone.</summary>
public sealed class DailyActivityTests
{
    private static readonly DateTimeOffset MondayJakarta = new(2025, 3, 24, 0, 0, 0, TimeSpan.FromHours(7));

    private static ReportModel Build(Snapshot snapshot) => new ReportBuilder(ConfigSchema.Review.DefaultLevels).Build(snapshot, NarrativeNotes.Empty);

    private static MergeRequestRef Mr(int iid, DateTimeOffset? mergedAt = null) => new()
    {
        Project = "ppl/sira-backend",
        Iid = iid,
        Title = $"MR {iid}",
        Author = new Person("froklax"),
        WebUrl = $"https://gitlab.example.ac.id/ppl/sira-backend/-/merge_requests/{iid}",
        CreatedAt = MondayJakarta.AddDays(-3),
        MergedAt = mergedAt,
    };

    [Fact]
    public void Window_of_seven_days_gives_seven_days_in_order()
    {
        var activity = Build(Snapshots.EmptyWeek()).Activity;

        Assert.Equal(["Mon 31", "Tue 1", "Wed 2", "Thu 3", "Fri 4", "Sat 5", "Sun 6"], activity.Select(d => d.Label));
        Assert.All(activity, d => Assert.Equal(0, d.Total));
    }

    [Fact]
    public void Events_are_counted_on_their_local_date_not_their_utc_date()
    {
        var snapshot = Snapshots.EmptyWeek() with
        {
            Window = new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta", 2, 1),

            // 17:30 UTC on Monday is 00:30 on Tuesday in Jakarta; 17:00 UTC on Sunday is Monday's midnight.
            Merges = [Mr(1, new DateTimeOffset(2025, 3, 24, 17, 30, 0, TimeSpan.Zero))],
            Reviews =
            [
                new ReviewedMergeRequest
                {
                    MergeRequest = Mr(2),
                    Threads =
                    [
                        new ReviewThread { DiscussionId = "a", NoteId = 1, Body = "P0: x", CreatedAt = new DateTimeOffset(2025, 3, 23, 17, 0, 0, TimeSpan.Zero), Url = "https://gitlab.example.ac.id/x#note_1" },
                        new ReviewThread { DiscussionId = "b", NoteId = 2, Body = "praise: nice", CreatedAt = MondayJakarta.AddHours(1), Url = "https://gitlab.example.ac.id/x#note_2" },
                    ],
                },
            ],
            Contributions =
            [
                new Contribution
                {
                    MergeRequest = Mr(3),
                    Commits = [new CommitRef { Sha = "abc", Title = "fix", AuthoredAt = new DateTimeOffset(2025, 3, 30, 23, 59, 0, TimeSpan.FromHours(7)), Url = "https://gitlab.example.ac.id/c" }],
                },
            ],
        };

        var days = Build(snapshot).Activity;

        Assert.Equal(1, days[0].Findings);
        Assert.Equal(0, days[0].Merges);
        Assert.Equal(1, days[1].Merges);
        Assert.Equal(1, days[6].Commits);
        Assert.Equal(3, days.Sum(d => d.Total));
    }

    [Fact]
    public void Ticket_changes_are_creations_in_the_window_status_updates_and_grooming_edits()
    {
        var snapshot = Snapshots.EmptyWeek() with
        {
            Window = new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta", 2, 1),
            Tickets =
            [
                new Ticket
                {
                    Identifier = "SIRA-1", Title = "new", Url = "https://linear.app/sira/issue/sira-1", State = "Todo",
                    CreatedAt = MondayJakarta.AddHours(9), CreatedInWindow = true,
                    Grooming = [new GroomingChange(MondayJakarta.AddHours(10), "estimate"), new GroomingChange(MondayJakarta.AddHours(10), "priority")],
                },
                new Ticket
                {
                    Identifier = "SIRA-2", Title = "old", Url = "https://linear.app/sira/issue/sira-2", State = "Done",
                    CreatedAt = MondayJakarta.AddDays(-20),
                    StatusChanges = [new StatusChange(MondayJakarta.AddDays(2).AddHours(9), "In Review", "Done")],
                },
            ],
        };

        var days = Build(snapshot).Activity;

        Assert.Equal(3, days[0].TicketChanges);
        Assert.Equal(1, days[2].TicketChanges);
        Assert.Equal(4, days.Sum(d => d.TicketChanges));
    }

    [Fact]
    public void Demo_week_per_day_counts_add_up_to_the_week_metrics()
    {
        var model = Build(Snapshots.Sample());

        Assert.Equal(model.Metrics.Findings, model.Activity.Sum(d => d.Findings));
        Assert.Equal(model.Metrics.Merged, model.Activity.Sum(d => d.Merges));
        Assert.Equal(model.Metrics.Commits, model.Activity.Sum(d => d.Commits));
        Assert.Equal([16, 0, 8, 0, 0, 0, 0], model.Activity.Select(d => d.Findings));
    }

    [Fact]
    public void Unknown_time_zone_in_a_snapshot_is_an_error_naming_it()
    {
        var snapshot = Snapshots.EmptyWeek() with { Window = new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Mars/Olympus") };

        var error = Assert.Throws<EvidenceException>(() => Build(snapshot));

        Assert.Contains("'Mars/Olympus'", error.Message);
    }

    [Fact]
    public void Time_to_first_finding_is_per_merge_request_and_its_median_is_the_weeks()
    {
        var model = Build(Snapshots.Sample());

        Assert.Equal([68.3, 23.1], model.Reviews.Select(r => r.HoursToFirstFinding));
        Assert.Equal(45.7, model.Metrics.MedianHoursToFirstFinding);
    }
}
