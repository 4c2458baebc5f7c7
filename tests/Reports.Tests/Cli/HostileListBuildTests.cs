using System.Globalization;
using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// <c>evidence build</c> against a fake GitLab whose list of 130 reviewed merge requests shifts,
/// loops or comes up short: a report with every finding once, or exit 2 and one line, never a
/// report with findings missing or counted twice.
/// </summary>
public sealed class HostileListBuildTests : IAsyncLifetime
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private FakeGitLab _fake = null!;
    private FakeProject _project = null!;
    private FakeUser _teammate = null!;

    private string[] Build => ["build", "--config", _work.Combine("evidence.yml"), "--sprint", "2", "--week", "1", "--no-cache"];

    private string ReportPath => _work.Combine("output", "sprint-2-week-1", "report.md");

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        var student = _fake.AddUser("abhipraya", "Abhipraya");
        _teammate = _fake.AddUser("froklax", "Froklax");
        _project = _fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 130; i++)
        {
            var mr = _fake.AddMergeRequest(_project, _teammate, m =>
            {
                m.Title = string.Create(CultureInfo.InvariantCulture, $"Change {i:D3}");
                m.CreatedAt = new DateTimeOffset(2025, 3, 24, 9, 0, 0, Jakarta).AddMinutes(i);
            });
            mr.AddThread(student, string.Create(CultureInfo.InvariantCulture, $"**P2**: finding {i:D3}"), new DateTimeOffset(2025, 3, 25, 9, 0, 0, Jakarta).AddMinutes(i));
        }

        _work.Write("evidence.yml", $"""
            course: PPL
            student:
              username: abhipraya
              name: Abhipraya
            gitlab:
              url: {_fake.BaseUrl}
              projects: [ppl/sira-backend, {_project.Id}]
              token_env: {_tokenEnv}
            calendar:
              timezone: Asia/Jakarta
              sprints:
                - {"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}
            """);
        Environment.SetEnvironmentVariable(_tokenEnv, _fake.Token);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        await _fake.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task A_list_that_shifts_between_pages_and_a_project_named_twice_give_each_finding_once()
    {
        _fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests") && answer.Page == 1)
            {
                _fake.AddMergeRequest(_project, _teammate, m => m.CreatedAt = new DateTimeOffset(2025, 3, 29, 9, 0, 0, Jakarta));
            }
        };

        var result = await EvidenceCli.RunAsync(Build);

        Assert.True(result.ExitCode == 0, result.Error);
        var report = File.ReadAllText(ReportPath);
        for (var i = 0; i < 130; i++)
        {
            // Twice, never more: in its review's compact line, and in full under it.
            Assert.Equal(2, report.Split(string.Create(CultureInfo.InvariantCulture, $"finding {i:D3}")).Length - 1);
        }
    }

    [Fact]
    public async Task A_next_page_that_loops_back_is_exit_2_with_one_line_and_no_report()
    {
        _fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests") && answer.Page == 2)
            {
                // Back to the first page, as a proxy that rewrites links wrongly would send it.
                var first = answer.Request.Target.Replace("&page=2", "", StringComparison.Ordinal);
                answer.Headers["Link"] = $"<{_fake.BaseUrl.GetLeftPart(UriPartial.Authority)}{first}>; rel=\"next\"";
            }
        };

        var result = await EvidenceCli.RunAsync(Build);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"GitLab answered GET /api/v4/projects/{_project.Id}/merge_requests?", line, StringComparison.Ordinal);
        Assert.Contains("a page already read", line, StringComparison.Ordinal);
        Assert.False(File.Exists(ReportPath));
    }

    [Fact]
    public async Task A_list_short_of_its_X_Total_is_exit_2_naming_both_counts_and_no_report()
    {
        _fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests"))
            {
                answer.Headers["X-Total"] = "135";
            }
        };

        var result = await EvidenceCli.RunAsync(Build);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("with 130 distinct items over 2 pages although its first page said X-Total: 135", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ReportPath));
    }

    [Fact]
    public async Task A_null_merge_request_is_exit_2_naming_the_endpoint_and_the_item_not_an_unexpected_failure()
    {
        _fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests") && answer.Page == 2)
            {
                answer.Body!.AsArray()[3] = null;
            }
        };

        var result = await EvidenceCli.RunAsync(Build);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"merge_requests?state=all&updated_after=2025-03-24T00%3A00%3A00%2B07%3A00&per_page=100&page=2 with a list whose item [3] is null", line, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Token, result.Error, StringComparison.Ordinal);
    }
}
