using Reports.Fakes;
using Microsoft.Extensions.Time.Testing;
using Reports.Site;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>A course from one config and a roster, against the fake GitLab: every team's site in its folder and the course pages above them.</summary>
public sealed class CourseBuildCommandTests(CourseScenario course) : IClassFixture<CourseScenario>
{
    private static readonly string[] Teams = ["kopi", "lumbung", "sira"];

    [Fact]
    public async Task All_weeks_builds_every_team_into_its_folder_and_the_course_index_above_them()
    {
        using var output = new TempDirectory();

        var result = await EvidenceCli.RunAsync(new FakeTimeProvider(CourseScenario.AfterBothWeeks), "build", "--config", course.Config, "--all-weeks", "--no-cache", "--out", output.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var (team, student) in new[] { ("sira", "abhipraya"), ("sira", "citra"), ("kopi", "eka"), ("lumbung", "fajar") })
        {
            Assert.Equal(["sprint-2-week-1", "sprint-2-week-2"], SiteEntries.In(output.Combine(team, student)).Select(e => e.Slug));
            Assert.True(File.Exists(output.Combine(team, "index.html")), $"no team page for {team}");
        }

        Assert.Equal(Teams, CourseIndex.Teams(output.Path).Select(t => t.Name));
        var index = File.ReadAllText(output.Combine("index.html"));
        Assert.All(Teams, t => Assert.Contains($"href=\"{t}/index.html\"", index));
        Assert.Contains("<h1>sira</h1>", File.ReadAllText(output.Combine("sira", "index.html")));
        Assert.Contains("Froklax's own words.", File.ReadAllText(output.Combine("sira", "froklax", "sprint-2-week-1", "report.md")));
        Assert.DoesNotContain(CourseScenario.HostileName, File.ReadAllText(output.Combine("sira", "index.html")));
        Assert.Equal("Bu Ratna", TeamSummary.In(output.Combine("sira"))!.Students.Single(s => s.Username == "citra").Tutor);
    }

    [Fact]
    public async Task A_team_whose_server_fails_fails_the_course_and_the_teams_written_before_it_are_not_left_behind()
    {
        // A course of its own: the faults outlast this test's requests.
        var failing = new CourseScenario();
        await failing.InitializeAsync();
        using var output = new TempDirectory();
        output.Write("index.html", "the course as it was");
        failing.Fake.Fail($"/projects/{failing.Lumbung.Id}/merge_requests", FakeFault.ServerError(), times: 20);

        var result = await EvidenceCli.RunAsync(new FakeTimeProvider(CourseScenario.AfterBothWeeks), "build", "--config", failing.Config, "--all-weeks", "--no-cache", "--out", output.Path);
        await failing.DisposeAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
        Assert.Equal("the course as it was", File.ReadAllText(output.Combine("index.html")));
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(output.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Each_team_reads_its_own_projects_with_its_own_token()
    {
        using var output = new TempDirectory();
        course.Fake.ResetLog();

        var result = await EvidenceCli.RunAsync(new FakeTimeProvider(CourseScenario.AfterBothWeeks), "build", "--config", course.Config, "--sprint", "2", "--week", "1", "--no-cache", "--out", output.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        // One window listing per team's project; lumbung's quiet project costs one more, for its newest activity.
        var listings = course.Fake.Requests.Where(r => r.Target.Contains("/merge_requests?", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, listings.Count(r => r.Target.Contains("updated_after=", StringComparison.Ordinal)));
        Assert.Single(listings, r => r.Target.Contains("order_by=updated_at", StringComparison.Ordinal));
        Assert.Contains("| [!1](", File.ReadAllText(output.Combine("kopi", "dimas", "sprint-2-week-1", "report.md")));
    }

    [Fact]
    public async Task Team_option_builds_one_team_into_its_folder_and_course_index_then_lists_what_the_team_jobs_wrote()
    {
        using var output = new TempDirectory();
        var time = new FakeTimeProvider(CourseScenario.AfterBothWeeks);

        var kopi = await EvidenceCli.RunAsync(time, "build", "--config", course.Config, "--all-weeks", "--team", "kopi", "--no-cache", "--out", output.Path);
        var lumbung = await EvidenceCli.RunAsync(time, "build", "--config", course.Config, "--all-weeks", "--team", "lumbung", "--no-cache", "--out", output.Path);
        var index = await EvidenceCli.RunAsync("course-index", "--site", output.Path);

        Assert.Equal((0, 0, 0), (kopi.ExitCode, lumbung.ExitCode, index.ExitCode));
        Assert.False(Directory.Exists(output.Combine("sira")), "--team builds that team only");
        Assert.Equal(["kopi", "lumbung"], CourseIndex.Teams(output.Path).Select(t => t.Name));
        Assert.Equal(["dimas", "eka"], Directory.GetDirectories(output.Combine("kopi")).Select(Path.GetFileName).Where(n => !n!.StartsWith("sprint", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_team_is_a_usage_error_naming_the_teams()
    {
        var result = await EvidenceCli.RunAsync("build", "--config", course.Config, "--all-weeks", "--team", "kopii");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no such team", result.Error);
        Assert.Contains("sira, kopi, lumbung", result.Error);
    }
}
