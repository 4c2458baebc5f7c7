using Microsoft.Extensions.Time.Testing;
using Reports.Fakes;
using Reports.Model;
using Reports.Site;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>Team mode (<c>students:</c>) end to end against a fake GitLab on 127.0.0.1: one fetch for the whole team.</summary>
public sealed class TeamBuildCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private static readonly string[] Team = ["abhipraya", "froklax", "dafandikri", "citra", "bintang", "dimas.saputra"];
    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private FakeGitLab _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        var abhipraya = _fake.AddUser("abhipraya", "Abhipraya");
        var froklax = _fake.AddUser("froklax", "Froklax");
        var project = _fake.AddProject("ppl/sira-backend");
        foreach (var other in Team[2..])
        {
            _fake.AddUser(other);
        }

        // Each reviews the other's merge request; froklax merges abhipraya's the next week.
        var byFroklax = _fake.AddMergeRequest(project, froklax, m => { m.Title = "Cancel invoice"; m.CreatedAt = At(24, 9); });
        byFroklax.AddThread(abhipraya, "**P0**: CANCELED invoices can still be edited", At(25, 10));
        byFroklax.AddCommit("abhipraya@example.com", "address review feedback", At(27, 21));
        var byAbhipraya = _fake.AddMergeRequest(project, abhipraya, m => { m.Title = "Refund flow"; m.CreatedAt = At(24, 9); });
        byAbhipraya.AddThread(froklax, "P2: name the refund states", At(26, 10));
        byAbhipraya.AddThread(froklax, "P1: a refund can exceed the payment", At(31, 10));
        byAbhipraya.Merge(froklax, At(31, 17));

        _work.Write("notes/froklax/sprint-2-week-1.md", "## Impact\n\nFroklax's own words.\n");
        _work.Write("notes/sprint-2-week-1.md", "## Impact\n\nNot a team member's notes.\n");
        Environment.SetEnvironmentVariable(_tokenEnv, _fake.Token);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        await _fake.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task A_six_student_team_makes_the_same_merge_request_requests_as_one_student_and_one_account_lookup_each()
    {
        var one = WriteConfig("one.yml", Team[..1]);
        var six = WriteConfig("six.yml", Team);

        var single = await EvidenceCli.RunAsync("build", "--config", one, "--sprint", "2", "--week", "1", "--no-cache", "--out", _work.Combine("one"));
        var singleRequests = Requests();
        _fake.ResetLog();
        var team = await EvidenceCli.RunAsync("build", "--config", six, "--sprint", "2", "--week", "1", "--no-cache", "--out", _work.Combine("six"));

        Assert.Equal((0, 0), (single.ExitCode, team.ExitCode));
        Assert.Equal(singleRequests.Where(r => !IsLookup(r)), Requests().Where(r => !IsLookup(r)));
        Assert.Equal(Team.Select(u => $"GET /api/v4/users?username={u}").Order(StringComparer.Ordinal), Requests().Where(IsLookup));

        // The student's account, the project, the window's one candidate listing, and the discussions and commits of each of the two merge requests.
        Assert.Equal(1 + 1 + 1 + (2 * 2), singleRequests.Count);
        Assert.Contains(singleRequests, r => r.Contains("/discussions", StringComparison.Ordinal));
        Assert.All(Team, u => Assert.True(File.Exists(_work.Combine("six", u, "sprint-2-week-1", "report.md")), $"no report for {u}"));
    }

    [Fact]
    public async Task All_weeks_writes_every_students_weeks_in_their_folder_and_a_team_page_linking_each()
    {
        var config = WriteConfig("evidence.yml", Team[..2]);
        var secondWeek = new FakeTimeProvider(At(31, 12).AddDays(2));

        var result = await EvidenceCli.RunAsync(secondWeek, "build", "--config", config, "--all-weeks");

        Assert.Equal(0, result.ExitCode);
        var output = _work.Combine("output");
        foreach (var user in Team[..2])
        {
            foreach (var week in new[] { "sprint-2-week-1", "sprint-2-week-2" })
            {
                Assert.All(new[] { "report.md", "index.html" }, f => Assert.True(File.Exists(Path.Combine(output, user, week, f))));
            }

            Assert.True(File.Exists(Path.Combine(output, user, "index.html")));
            Assert.Equal(["sprint-2-week-1", "sprint-2-week-2"], SiteEntries.In(Path.Combine(output, user)).Select(e => e.Slug));
        }

        Assert.False(File.Exists(Path.Combine(output, "sprint-2-week-1", "report.md")), "students' weeks live in the students' folders");
        Assert.True(File.Exists(Path.Combine(output, "sprint-2-week-1", "team.md")), "the team week sits beside the students' folders");
        var teamPage = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("href=\"abhipraya/sprint-2-week-1/index.html\">1 finding</a>", teamPage);
        Assert.Contains("href=\"froklax/sprint-2-week-1/index.html\">1 finding</a>", teamPage);
        Assert.Contains("href=\"froklax/sprint-2-week-2/index.html\">1 finding</a><br><span class=\"levels\">P1 1</span><br>1 merge · 0 commits", teamPage);
        Assert.Contains("Froklax's own words.", File.ReadAllText(Path.Combine(output, "froklax", "sprint-2-week-1", "report.md")));
        Assert.DoesNotContain("Not a team member's notes.", File.ReadAllText(Path.Combine(output, "abhipraya", "sprint-2-week-1", "report.md")));
        var weekOne = File.ReadAllText(Path.Combine(output, "froklax", "sprint-2-week-1", "index.html"));
        Assert.Contains("<a href=\"../../index.html\">Team</a>", weekOne);
        Assert.Contains("<a rel=\"next\" href=\"../sprint-2-week-2/index.html\">Sprint 2, Week 2 →</a>", weekOne);
    }

    [Fact]
    public async Task Collect_writes_one_snapshot_per_student_and_render_puts_each_in_its_students_folder()
    {
        var config = WriteConfig("evidence.yml", Team[..2]);
        var snapshots = _work.Combine("snapshots");

        var collect = await EvidenceCli.RunAsync("collect", "--config", config, "--sprint", "2", "--week", "1", "--snapshot", snapshots);
        await _fake.DisposeAsync();
        var render = await EvidenceCli.RunAsync("render", "--config", config, "--snapshot", Path.Combine(snapshots, "froklax.json"));

        Assert.Equal((0, 0), (collect.ExitCode, render.ExitCode));
        Assert.Equal(["abhipraya.json", "froklax.json", TeamSnapshotSerializer.FileName], Directory.GetFiles(snapshots).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("froklax", SnapshotSerializer.Load(Path.Combine(snapshots, "froklax.json")).Student.Username);
        var report = _work.Combine("output", "froklax", "sprint-2-week-1", "report.md");
        Assert.Contains("Froklax's own words.", File.ReadAllText(report));
        Assert.Contains(report, render.Output);
        Assert.True(File.Exists(_work.Combine("output", "index.html")));
        Assert.True(File.Exists(_work.Combine("output", "abhipraya", "index.html")), "every student's index exists, so the team page's links resolve");
    }

    [Fact]
    public async Task Render_of_a_snapshot_of_someone_outside_the_team_is_an_error_that_writes_nothing()
    {
        var config = WriteConfig("evidence.yml", Team[..2]);
        var stranger = _work.Write("stranger.json", SnapshotSerializer.Serialize(Snapshots.Sample() with { Student = new Person("../x", "Stranger") }));

        var result = await EvidenceCli.RunAsync("render", "--config", config, "--snapshot", stranger);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'../x' has no place in this team's site", result.Error);
        Assert.False(Directory.Exists(_work.Combine("output")));
    }

    private static bool IsLookup(string request) => request.StartsWith("GET /api/v4/users?", StringComparison.Ordinal);

    private List<string> Requests() => [.. _fake.Requests.Select(r => $"{r.Method} {r.Target}").Order(StringComparer.Ordinal)];

    private string WriteConfig(string name, IEnumerable<string> usernames)
    {
        var students = string.Join("\n", usernames.Select(u => $"  - {{ username: {u}, emails: [{u}@example.com] }}"));
        var key = usernames.Count() == 1 ? $"student:\n  username: {usernames.First()}\n  emails: [{usernames.First()}@example.com]" : $"students:\n{students}";
        return _work.Write(name, $"""
            course: PPL
            {key}
            gitlab:
              url: {_fake.BaseUrl}
              projects: [ppl/sira-backend]
              token_env: {_tokenEnv}
            calendar:
              timezone: Asia/Jakarta
              sprints:
                - {"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}
            """);
    }

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Jakarta);
}
