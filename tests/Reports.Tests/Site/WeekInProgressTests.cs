using AngleSharp.Html.Parser;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Pipeline;
using Reports.Site;
using Reports.Tests.Support;

namespace Reports.Tests.Site;

/// <summary>
/// A week whose data was collected before it ended says so on its page, the student's index, the team
/// page and the course index, decided from the snapshot alone; every page's footer says when its data was collected.
/// </summary>
public sealed class WeekInProgressTests
{
    private static readonly ReportGenerator Generator = new(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels);

    /// <summary>Week 1 of the sample collected on its Thursday, 14:05 in Jakarta.</summary>
    private static Snapshot Thursday(string username = "abhipraya") => Collected(Snapshots.Sample(), new DateTimeOffset(2025, 3, 27, 7, 5, 0, TimeSpan.Zero)) with
    {
        Student = new Person(username, username),
    };

    [Fact]
    public void A_week_collected_before_its_last_midnight_is_in_progress_on_its_page_and_in_its_markdown()
    {
        var (report, entry) = Generator.Render(Thursday(), NarrativeNotes.Empty);

        Assert.Contains("# PPL: Communication and Knowledge Sharing [Sprint 2, Week 1] (in progress)", report.Markdown, StringComparison.Ordinal);
        Assert.Contains("· in progress, collected 2025-03-27 14:05 UTC+07:00*", report.Markdown, StringComparison.Ordinal);
        var footer = new HtmlParser().ParseDocument(report.Html).QuerySelector("footer")!.TextContent;
        Assert.Contains("data collected 2025-03-27 14:05 UTC+07:00, before the week ended", footer, StringComparison.Ordinal);
        Assert.True(entry.InProgress);
    }

    [Theory]
    [InlineData("2025-03-30T16:59:59+00:00", true)]
    [InlineData("2025-03-30T17:00:00+00:00", false)]
    [InlineData("2025-04-02T09:00:00+07:00", false)]
    public void In_progress_ends_at_local_midnight_after_the_last_day_in_the_course_time_zone(string collectedAt, bool inProgress)
    {
        var snapshot = Collected(Snapshots.Sample(), DateTimeOffset.Parse(collectedAt, System.Globalization.CultureInfo.InvariantCulture));

        var (report, entry) = Generator.Render(snapshot, NarrativeNotes.Empty);

        Assert.Equal(inProgress ? true : null, entry.InProgress);
        Assert.Equal(inProgress, report.Markdown.Contains("(in progress)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_snapshot_that_does_not_say_when_it_was_collected_is_never_in_progress_and_says_so_in_the_footer()
    {
        var (report, entry) = Generator.Render(Snapshots.Sample() with { Sources = null }, NarrativeNotes.Empty);

        Assert.Null(entry.InProgress);
        Assert.DoesNotContain("in progress", report.Markdown, StringComparison.Ordinal);
        Assert.Contains("collection time not recorded", new HtmlParser().ParseDocument(report.Html).QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_student_index_and_the_team_page_mark_the_week_in_progress_and_state_the_newest_collection_time()
    {
        using var site = new TempDirectory();
        var done = Collected(Snapshots.Sample(), new DateTimeOffset(2025, 3, 31, 2, 0, 0, TimeSpan.Zero)) with { Student = new Person("froklax", "Froklax") };

        Generator.RenderAndWrite([(Thursday(), NarrativeNotes.Empty), (done, NarrativeNotes.Empty)], site.Path, SiteLayout.Team([new Person("abhipraya"), new Person("froklax")]));

        var parser = new HtmlParser();
        var team = parser.ParseDocument(File.ReadAllText(site.Combine("index.html")));
        // The first week's cell: after the student's name and the Total column.
        var cells = team.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Contains("in progress, collected 2025-03-27 14:05 UTC+07:00", cells[0], StringComparison.Ordinal);
        Assert.DoesNotContain("in progress", cells[1], StringComparison.Ordinal);
        Assert.Contains("Data collected up to 2025-03-31 09:00 UTC+07:00", team.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);

        var index = parser.ParseDocument(File.ReadAllText(site.Combine("abhipraya", "index.html")));
        Assert.Contains("in progress, collected 2025-03-27 14:05 UTC+07:00", index.QuerySelector("ul.weeks li")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Data collected up to 2025-03-27 14:05 UTC+07:00", index.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_course_index_marks_a_students_newest_week_in_progress()
    {
        using var course = new TempDirectory();
        Generator.RenderAndWrite([(Thursday(), NarrativeNotes.Empty)], course.Combine("sira"), SiteLayout.Team([new Person("abhipraya")]));

        var result = await EvidenceCli.RunAsync("course-index", "--site", course.Path);

        Assert.Equal(0, result.ExitCode);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(course.Combine("index.html")));
        Assert.Contains("in progress, collected 2025-03-27 14:05 UTC+07:00", page.QuerySelector("ul.weeks li")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Data collected up to 2025-03-27 14:05 UTC+07:00", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_show_the_year_so_a_sprint_dated_a_year_off_is_visible()
    {
        var lastYear = Snapshots.Sample() with { Window = Snapshots.Sample().Window with { Start = new DateOnly(2024, 3, 24), End = new DateOnly(2024, 3, 30) } };

        var (report, _) = Generator.Render(lastYear, NarrativeNotes.Empty);

        Assert.Contains("(Mar 24 to 30, 2024)", report.Markdown, StringComparison.Ordinal);
    }

    private static Snapshot Collected(Snapshot snapshot, DateTimeOffset at) =>
        snapshot with { Sources = [.. snapshot.Sources!.Select(s => s with { CollectedAt = at })] };
}
