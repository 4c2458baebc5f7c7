using System.CommandLine;
using Microsoft.Extensions.Time.Testing;
using Reports.Cli;
using Reports.Fakes;
using Reports.Model;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary><c>evidence build</c> and <c>collect</c> end to end against a fake GitLab on 127.0.0.1.</summary>
public sealed class BuildCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private FakeGitLab _fake = null!;

    private string ConfigPath => _work.Combine("evidence.yml");

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        var student = _fake.AddUser("abhipraya", "Abhipraya");
        var teammate = _fake.AddUser("froklax", "Froklax");
        var bot = _fake.AddUser("sirabot", "SIRA Bot");
        var project = _fake.AddProject("ppl/sira-backend");

        var reviewed = _fake.AddMergeRequest(project, teammate, m =>
        {
            m.Title = "Cancel invoice";
            m.CreatedAt = At(24, 9);
        });
        reviewed.AddThread(student, "**P0**: CANCELED invoices can still be edited\n\n```python\nraise PermissionError()\n```", At(25, 10));
        reviewed.AddThread(student, "nitpick: wording", At(30, 23, 59));
        reviewed.AddThread(student, "**P1**: too late, next week", At(31, 0, 0));
        reviewed.AddNote(bot, "Linear: SIRA-125", At(25, 11));
        reviewed.AddCommit("ABHIPRAYA@example.com", "address review feedback", At(27, 21));
        reviewed.Merge(student, At(28, 17), legacy: true);

        _work.Write("evidence.yml", $"""
            course: PPL
            student:
              username: abhipraya
              name: Abhipraya
              emails: [abhipraya@example.com]
            gitlab:
              url: {_fake.BaseUrl}
              projects: [ppl/sira-backend]
              token_env: {_tokenEnv}
              bots: [sirabot]
            calendar:
              timezone: Asia/Jakarta
              sprints:
                - {"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}
            """);
        _work.Write("notes/sprint-2-week-1.md", "## Impact\n\nThe review caught a data-integrity bug.\n");
        Environment.SetEnvironmentVariable(_tokenEnv, _fake.Token);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        await _fake.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Build_writes_a_report_whose_gitlab_facts_are_right()
    {
        var result = await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1");

        Assert.Equal(0, result.ExitCode);
        var markdown = File.ReadAllText(_work.Combine("output", "sprint-2-week-1", "report.md"));
        Assert.Contains("# PPL: Communication and Knowledge Sharing [Sprint 2, Week 1]", markdown);
        // Two findings are fewer than review.compact_below (3): the review is one line, its findings in full under it.
        Assert.Matches(@"- \[!1\]\([^)]+\) Cancel invoice by froklax: 2 findings; P0: \[[^\]]+\]\([^)]+\); P3: ", markdown);
        Assert.Contains("<summary>These 2 findings in full</summary>", markdown);
        Assert.DoesNotContain("too late", markdown);
        Assert.Contains("| froklax | Cancel invoice |", markdown);
        Assert.Contains(": address review feedback", markdown);
        Assert.Contains("@sirabot on !1", markdown);
        Assert.Contains("The review caught a data-integrity bug.", markdown);
        Assert.True(File.Exists(_work.Combine("output", "index.html")));
    }

    [Fact]
    public async Task Second_build_over_unchanged_data_makes_no_per_merge_request_requests()
    {
        await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1");
        var firstReport = File.ReadAllText(_work.Combine("output", "sprint-2-week-1", "report.md"));
        _fake.ResetLog();

        var second = await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1");

        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain(_fake.Requests, r => r.Path.Contains("/merge_requests/", StringComparison.Ordinal));
        Assert.Contains(_fake.Requests, r => r.Path.EndsWith("/merge_requests", StringComparison.Ordinal));
        Assert.Equal(firstReport, File.ReadAllText(_work.Combine("output", "sprint-2-week-1", "report.md")));
    }

    [Fact]
    public async Task Rate_limit_and_bad_gateway_are_retried_into_a_complete_report()
    {
        var clean = await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--no-cache", "--out", _work.Combine("clean"));
        _fake.Fail("/merge_requests", FakeFault.TooManyRequests(retryAfter: "1"));
        _fake.Fail("/discussions", FakeFault.BadGatewayHtml());

        var result = await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--no-cache", "--out", _work.Combine("faulty"));

        Assert.Equal(0, clean.ExitCode);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(_fake.Requests, r => r.Status == 429);
        Assert.Contains(_fake.Requests, r => r.Status == 502);
        Assert.Equal(
            File.ReadAllText(_work.Combine("clean", "sprint-2-week-1", "report.md")),
            File.ReadAllText(_work.Combine("faulty", "sprint-2-week-1", "report.md")));
    }

    [Fact]
    public async Task Rejected_token_exits_2_with_one_line_changes_no_output_and_leaks_nothing()
    {
        await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1");
        var before = _work.Files();
        _fake.Token = "a-different-token";

        var result = await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--no-cache");
        var collect = await EvidenceCli.RunAsync("collect", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--no-cache", "--snapshot", _work.Combine("week.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, collect.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains(_tokenEnv, line);
        Assert.Contains("read_api", line);
        Assert.Equal(before.Keys.Order(), _work.Files().Keys.Order());
        Assert.All(_work.Files(), f => Assert.Equal(before[f.Key], f.Value));
        var secret = FakeGitLab.DefaultToken;
        Assert.DoesNotContain(secret, result.Output + result.Error + collect.Output + collect.Error);
        Assert.All(_work.Files(), f => Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(f.Value)));
    }

    [Fact]
    public async Task Collect_writes_a_snapshot_that_renders_offline_to_the_same_report()
    {
        var collect = await EvidenceCli.RunAsync("collect", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--snapshot", _work.Combine("week.json"));
        await _fake.DisposeAsync();

        var render = await EvidenceCli.RunAsync("render", "--snapshot", _work.Combine("week.json"), "--config", ConfigPath, "--out", _work.Combine("offline"));

        Assert.Equal(0, collect.ExitCode);
        Assert.Equal(0, render.ExitCode);
        var snapshot = SnapshotSerializer.Load(_work.Combine("week.json"));
        Assert.Equal(new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta", 2, 1), snapshot.Window);
        Assert.Equal(2, snapshot.Reviews.Single().Threads.Count);
        Assert.DoesNotContain(FakeGitLab.DefaultToken, File.ReadAllText(_work.Combine("week.json")));
        Assert.Contains("Cancel invoice by froklax: 2 findings;", File.ReadAllText(_work.Combine("offline", "sprint-2-week-1", "report.md")));
    }

    [Theory]
    [InlineData("--sprint", "9", "--week", "1", "sprint 9 is not in the calendar; valid sprints: 2")]
    [InlineData("--sprint", "2", "--week", "3", "valid weeks")]
    public async Task Unknown_sprint_or_week_lists_the_valid_ones(string a, string b, string c, string d, string expected)
    {
        var result = await EvidenceCli.RunAsync("build", "--config", ConfigPath, a, b, c, d);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Two_windows_at_once_is_bad_usage()
    {
        var result = await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--current-week");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("choose one window", result.Error);
    }

    [Fact]
    public async Task All_weeks_builds_one_report_per_started_week_and_an_index_of_them()
    {
        var secondWeek = new FakeTimeProvider(At(31, 12).AddDays(2));

        var result = await EvidenceCli.RunAsync(secondWeek, "build", "--config", ConfigPath, "--all-weeks");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(_work.Combine("output", "sprint-2-week-1", "report.md")));
        Assert.Contains("too late, next week", File.ReadAllText(_work.Combine("output", "sprint-2-week-2", "report.md")));
        var index = File.ReadAllText(_work.Combine("output", "index.html"));
        Assert.True(index.IndexOf("sprint-2-week-2/index.html", StringComparison.Ordinal) < index.IndexOf("sprint-2-week-1/index.html", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Current_week_is_the_sprint_week_containing_today()
    {
        var wednesday = new FakeTimeProvider(At(26, 12));

        var result = await EvidenceCli.RunAsync(wednesday, "build", "--config", ConfigPath, "--current-week");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(Path.Combine("sprint-2-week-1", "report.md"), result.Output.Split('\n')[0]);
    }

    [Fact]
    public async Task Interrupting_a_build_exits_130_and_writes_nothing()
    {
        _fake.Latency = TimeSpan.FromSeconds(2);
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var error = new StringWriter();

        var exitCode = await EvidenceCommand.Create()
            .Parse(["build", "--config", ConfigPath, "--sprint", "2", "--week", "1"])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error }, interrupt.Token);

        Assert.Equal(130, exitCode);
        Assert.Contains("interrupted", error.ToString());
        Assert.False(Directory.Exists(_work.Combine("output")));
    }

    [Fact]
    public async Task Collect_records_gitlab_as_its_only_source_writes_the_same_bytes_on_the_same_clock_and_renders_linear_as_not_configured()
    {
        var clock = new FakeTimeProvider(At(31, 9));

        var first = await EvidenceCli.RunAsync(clock, "collect", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--snapshot", _work.Combine("a.json"));
        var second = await EvidenceCli.RunAsync(clock, "collect", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--snapshot", _work.Combine("b.json"));
        var render = await EvidenceCli.RunAsync("render", "--snapshot", _work.Combine("a.json"), "--out", _work.Combine("offline"));

        Assert.Equal((0, 0, 0), (first.ExitCode, second.ExitCode, render.ExitCode));
        Assert.Equal(File.ReadAllText(_work.Combine("a.json")), File.ReadAllText(_work.Combine("b.json")));
        var run = Assert.Single(SnapshotSerializer.Load(_work.Combine("a.json")).Sources!);
        Assert.Equal(("gitlab", _fake.BaseUrl.AbsoluteUri, "ppl/sira-backend", At(31, 9)), (run.Name, run.Url, Assert.Single(run.Covered), run.CollectedAt));
        Assert.Contains("Linear: not configured", File.ReadAllText(_work.Combine("offline", "sprint-2-week-1", "report.md")));
    }

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Jakarta);
}
