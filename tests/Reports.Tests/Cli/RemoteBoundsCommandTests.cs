using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// <c>evidence build</c> and <c>collect</c> against hostile answers, end to end: redirects to a second
/// real host on another port (which records whatever reaches it), a gzip bomb past the real 32 MiB
/// cap, and the request budget. Each ends in exit code 2 and one line, or in the right report.
/// </summary>
public sealed class RemoteBoundsCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _keyEnv = "EVIDENCE_TEST_LINEAR_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private FakeGitLab _gitLab = null!;
    private FakeLinear _linear = null!;
    private RecordingHost _other = null!;
    private FakeProject _project = null!;

    private string ConfigPath => _work.Combine("evidence.yml");

    private string MergeRequestList => $"api/v4/projects/{Uri.EscapeDataString(_project.Path)}/merge_requests";

    public async Task InitializeAsync()
    {
        _gitLab = await FakeGitLab.StartAsync();
        _linear = await FakeLinear.StartAsync();
        _other = await RecordingHost.StartAsync();
        var student = _gitLab.AddUser("abhipraya", "Abhipraya");
        var teammate = _gitLab.AddUser("froklax", "Froklax");
        _project = _gitLab.AddProject("ppl/sira-backend");
        var mr = _gitLab.AddMergeRequest(_project, teammate, m =>
        {
            m.Title = "Cancel invoice";
            m.CreatedAt = At(24, 9);
        });
        mr.AddThread(student, "**P0**: CANCELED invoices can still be edited", At(25, 10));
        mr.Merge(student, At(28, 17));
        _linear.AddUser("Abhipraya", "abhipraya@example.com");
        _linear.AddTeam("SIRA", "Sira");

        WriteConfig();
        Environment.SetEnvironmentVariable(_tokenEnv, _gitLab.Token);
        Environment.SetEnvironmentVariable(_keyEnv, FakeLinear.DefaultApiKey);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        Environment.SetEnvironmentVariable(_keyEnv, null);
        await _gitLab.DisposeAsync();
        await _linear.DisposeAsync();
        await _other.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Build_refuses_a_redirect_of_the_merge_request_list_to_another_host_with_exit_2_and_that_host_hears_nothing()
    {
        _gitLab.Fail("/merge_requests", FakeFault.Redirect(302, _other.Url(MergeRequestList + "?state=all")), times: 5);

        var result = await Build();

        Assert.Equal(2, result.ExitCode);
        var line = ErrorLine(result);
        Assert.Contains($"a redirect to another host ({_other.Authority})", line, StringComparison.Ordinal);
        Assert.Contains($"gitlab.url must point at the API's real host, e.g. http://{_other.Authority}", line, StringComparison.Ordinal);
        Assert.Empty(_other.Requests);
        Assert.Single(_gitLab.Requests, r => r.Path.EndsWith("/merge_requests", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_work.Combine("output")));
        Assert.DoesNotContain(FakeGitLab.DefaultToken, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_refuses_a_307_to_another_host_and_writes_no_snapshot()
    {
        _gitLab.Fail("/merge_requests", FakeFault.Redirect(307, _other.Url(MergeRequestList)), times: 5);

        var result = await EvidenceCli.RunAsync("collect", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--no-cache", "--snapshot", _work.Combine("week.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(_other.Authority, ErrorLine(result), StringComparison.Ordinal);
        Assert.Empty(_other.Requests);
        Assert.False(File.Exists(_work.Combine("week.json")));
    }

    [Fact]
    public async Task Build_with_Linear_refuses_a_redirect_of_a_query_to_another_host_which_gets_neither_key_nor_query()
    {
        WriteConfig(linear: true);
        _linear.Fail(FakeFault.Redirect(307, _other.Url("graphql")), times: 5);

        var result = await Build();

        Assert.Equal(2, result.ExitCode);
        var line = ErrorLine(result);
        Assert.Contains($"a redirect to another host ({_other.Authority})", line, StringComparison.Ordinal);
        Assert.Contains($"linear.url must point at the API's real host, e.g. http://{_other.Authority}/graphql", line, StringComparison.Ordinal);
        Assert.Empty(_other.Requests);
        Assert.DoesNotContain(FakeLinear.DefaultApiKey, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_follows_redirects_within_GitLab_s_origin_to_the_same_report()
    {
        var clean = await Build("--out", _work.Combine("clean"));
        _gitLab.ResetLog();
        _gitLab.Fail("/merge_requests", FakeFault.Redirect(301, new Uri(_gitLab.BaseUrl, MergeRequestList + "?state=all&per_page=100&moved=1")));
        _gitLab.Fail("/discussions", FakeFault.Redirect(307, new Uri("?moved=2", UriKind.Relative)));

        var redirected = await Build("--out", _work.Combine("redirected"));

        Assert.Equal((0, 0), (clean.ExitCode, redirected.ExitCode));
        Assert.Equal(2, _gitLab.Requests.Count(r => r.Status is 301 or 307));
        Assert.Contains(_gitLab.Requests, r => r.Query.EndsWith("moved=1", StringComparison.Ordinal) && r.Status == 200);
        Assert.Contains(_gitLab.Requests, r => r.Query == "moved=2" && r.Status == 200);
        Assert.Equal(Report("clean"), Report("redirected"));
    }

    [Fact]
    public async Task Build_stops_at_gitlab_max_requests_with_one_line_naming_the_key()
    {
        WriteConfig(maxRequests: 2);

        var result = await Build();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("this run has already sent GitLab 2 requests, the most gitlab.max_requests allows; raise gitlab.max_requests", ErrorLine(result), StringComparison.Ordinal);
        Assert.Equal(2, _gitLab.Requests.Count);
    }

    [Fact]
    public async Task A_max_requests_of_zero_is_a_config_error_naming_the_key()
    {
        WriteConfig(maxRequests: 0);

        var result = await Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("gitlab.max_requests: '0' is not a whole number from 1 to 100000000", ErrorLine(result), StringComparison.Ordinal);
        Assert.Empty(_gitLab.Requests);
    }

    [Fact]
    public async Task Build_refuses_a_gzip_answer_that_inflates_past_32_MiB_at_once_without_a_retry()
    {
        _gitLab.Fail("/merge_requests", FakeFault.GzipBomb(40L * 1024 * 1024), times: 5);

        var result = await Build();

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: GitLab's answer to GET /api/v4/projects/{_project.Id}/merge_requests?", ErrorLine(result), StringComparison.Ordinal);
        Assert.Contains("is larger than the 32 MiB limit on one answer", ErrorLine(result), StringComparison.Ordinal);
        Assert.Single(_gitLab.Requests, r => r.Path.EndsWith("/merge_requests", StringComparison.Ordinal));
    }

    private Task<CliResult> Build(params string[] extra) =>
        EvidenceCli.RunAsync(["build", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--no-cache", .. extra]);

    private string Report(string folder) => File.ReadAllText(_work.Combine(folder, "sprint-2-week-1", "report.md"));

    private static string ErrorLine(CliResult result) => Assert.Single(result.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));

    private void WriteConfig(bool linear = false, int? maxRequests = null)
    {
        var linearSection = linear
            ? $"""
              linear:
                url: {_linear.Url}
                api_key_env: {_keyEnv}
                teams: [SIRA]
              """
            : "";
        _work.Write("evidence.yml", $"""
            course: PPL
            student:
              username: abhipraya
              name: Abhipraya
              emails: [abhipraya@example.com]
              linear_email: abhipraya@example.com
            gitlab:
              url: {_gitLab.BaseUrl}
              projects: [ppl/sira-backend]
              token_env: {_tokenEnv}
            {(maxRequests is { } max ? $"  max_requests: {max}" : "")}
            {linearSection}
            calendar:
              timezone: Asia/Jakarta
              sprints:
                - {"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}
            """);
    }

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Jakarta);
}
