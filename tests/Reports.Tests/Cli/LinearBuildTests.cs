using System.Text;
using Reports.Fakes;
using Reports.Model;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// <c>evidence build</c> end to end against a fake GitLab and a fake Linear on 127.0.0.1: tickets
/// created, moved and groomed, sub-issues with scenarios, the merge table's Ticket column, tickets
/// named at MR headings, and Linear's failures.
/// </summary>
public sealed class LinearBuildTests : IAsyncLifetime
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _keyEnv = "EVIDENCE_TEST_LINEAR_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private FakeGitLab _gitLab = null!;
    private FakeLinear _linear = null!;

    private string ConfigPath => _work.Combine("evidence.yml");

    private string Report => File.ReadAllText(_work.Combine("output", "sprint-2-week-1", "report.md"));

    public async Task InitializeAsync()
    {
        _gitLab = await FakeGitLab.StartAsync();
        var student = _gitLab.AddUser("abhipraya", "Abhipraya");
        var teammate = _gitLab.AddUser("froklax", "Froklax");
        var bot = _gitLab.AddUser("sirabot", "SIRA Bot");
        var project = _gitLab.AddProject("ppl/sira-backend");

        var cancel = _gitLab.AddMergeRequest(project, teammate, m =>
        {
            m.Title = "Cancel invoice";
            m.SourceBranch = "feature/cancel";
            m.CreatedAt = At(24, 9);
        });
        cancel.AddThread(student, "**P0**: CANCELED invoices can still be edited", At(25, 10));
        cancel.AddNote(bot, $"<!-- evidence:linear-tickets -->\n**Linear tickets**\n\n<details><summary>1 linked ticket</summary>\n\n| Code | Title | Status |\n|---|---|---|\n| SIRA-1 | Cancel invoice | In Review |\n\n</details>", At(25, 11));
        cancel.Merge(student, At(28, 17));
        var block = _gitLab.AddMergeRequest(project, teammate, m =>
        {
            m.Title = "Block inactive account auth";
            m.SourceBranch = "sira-4-block-inactive";
            m.Description = "Needs UTF-8 names and SHA-256 hashes.";
            m.CreatedAt = At(24, 10);
        });
        block.AddCommit("abhipraya@example.com", "defensive checks", At(27, 21));
        block.Merge(student, At(29, 9));

        _linear = await FakeLinear.StartAsync();
        var linearStudent = _linear.AddUser("Abhipraya", "abhipraya@example.com");
        var linearMate = _linear.AddUser("Froklax", "froklax@example.com");
        var team = _linear.AddTeam("SIRA", "Sira");
        _linear.AddTeam("OPS", "Operations");
        var invoice = _linear.AddIssue(team, linearMate, i => { i.Title = "Cancel invoice"; i.CreatedAt = At(10, 9); i.State = FakeLinearState.Done; });
        invoice.Attachments.Add($"{_gitLab.BaseUrl.AbsoluteUri.TrimEnd('/')}/ppl/sira-backend/-/merge_requests/{cancel.Iid}");
        invoice.AddHistory(new FakeLinearHistory { CreatedAt = At(10, 9), Actor = linearMate, ToState = FakeLinearState.Todo });
        invoice.AddHistory(new FakeLinearHistory { CreatedAt = At(26, 9), Actor = linearStudent, FromState = FakeLinearState.Todo, ToState = new FakeLinearState("In Review", "started") });
        invoice.AddHistory(new FakeLinearHistory { CreatedAt = new DateTimeOffset(2025, 3, 28, 10, 0, 5, TimeSpan.Zero), Bot = "GitLab", FromState = new FakeLinearState("In Review", "started"), ToState = FakeLinearState.Done });
        var export = _linear.AddIssue(team, linearStudent, i => { i.Title = "Invoice PDF export"; i.CreatedAt = At(24, 9); i.State = FakeLinearState.Todo; });
        export.AddHistory(new FakeLinearHistory { CreatedAt = At(24, 9), Actor = linearStudent, ToState = FakeLinearState.Todo });
        export.AddHistory(new FakeLinearHistory { CreatedAt = At(24, 9, 10), Actor = linearStudent, ToEstimate = 3 });
        _linear.AddIssue(team, linearStudent, i =>
        {
            i.Title = "BDD: invoice export scenarios";
            i.CreatedAt = new DateTimeOffset(2025, 3, 29, 3, 0, 0, TimeSpan.Zero);
            i.Parent = export;
            i.Description = "Target: features/export.feature\n\nScenario: export a paid invoice\nScenario: export a draft\n  Scenario Outline: export in <format>\n";
        });
        _linear.AddIssue(team, linearMate, i => { i.Title = "Block inactive accounts"; i.CreatedAt = At(1, 9); i.UpdatedAt = At(5, 9); i.State = FakeLinearState.InProgress; });

        _work.Write("evidence.yml", $"""
            course: PPL
            student:
              username: abhipraya
              name: Abhipraya
              emails: [abhipraya@example.com]
              linear_email: Abhipraya@example.com
            gitlab:
              url: {_gitLab.BaseUrl}
              projects: [ppl/sira-backend]
              token_env: {_tokenEnv}
              bots: [sirabot]
            review:
              compact_below: 1
            linear:
              url: {_linear.Url}
              api_key_env: {_keyEnv}
              teams: [SIRA]
            calendar:
              timezone: Asia/Jakarta
              sprints:
                - {"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}
            """);
        Environment.SetEnvironmentVariable(_tokenEnv, _gitLab.Token);
        Environment.SetEnvironmentVariable(_keyEnv, FakeLinear.DefaultApiKey);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        Environment.SetEnvironmentVariable(_keyEnv, null);
        await _gitLab.DisposeAsync();
        await _linear.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Build_renders_tickets_planning_the_ticket_column_and_tickets_at_mr_headings_from_Linear()
    {
        var result = await Build();

        Assert.Equal(0, result.ExitCode);
        var report = Report;
        Assert.Contains("| Linear tickets created · sub-issues · status updates · groomed | 1 · 1 · 1 · 1 |", report, StringComparison.Ordinal);
        Assert.Contains("- Created 1 ticket: [SIRA-2](https://linear.app/fake/issue/SIRA-2/invoice-pdf-export) Invoice PDF export", report, StringComparison.Ordinal);
        Assert.Contains("- Groomed 1: [SIRA-2](https://linear.app/fake/issue/SIRA-2/invoice-pdf-export) (estimate)", report, StringComparison.Ordinal);
        Assert.Contains("- Updated 1 status:", report, StringComparison.Ordinal);
        Assert.Contains("Cancel invoice: Todo → In Review (linked: [!1]", report, StringComparison.Ordinal);
        Assert.DoesNotContain("In Review → Done", report, StringComparison.Ordinal);
        Assert.Contains("Created 1 sub-issue with 3 planned scenarios:", report, StringComparison.Ordinal);
        Assert.Contains("| [SIRA-3](https://linear.app/fake/issue/SIRA-3/bdd:-invoice-export-scenarios) | [SIRA-2](https://linear.app/fake/issue/SIRA-2/invoice-pdf-export) Invoice PDF export | 3 |", report, StringComparison.Ordinal);
        Assert.Contains("| MR | Author | Topic | Ticket |", report, StringComparison.Ordinal);
        Assert.Contains("| froklax | Cancel invoice | [SIRA-1](https://linear.app/fake/issue/SIRA-1/cancel-invoice) (Done) |", report, StringComparison.Ordinal);
        Assert.Contains("| froklax | Block inactive account auth | [SIRA-4](https://linear.app/fake/issue/SIRA-4/block-inactive-accounts) (In Progress) |", report, StringComparison.Ordinal);
        Assert.Contains("### MR !1: SIRA-1 Cancel invoice (1 issue found)", report, StringComparison.Ordinal);
        Assert.Contains("### MR !2: SIRA-4 Block inactive account auth\n", report, StringComparison.Ordinal);
        Assert.Contains("for [SIRA-4](https://linear.app/fake/issue/SIRA-4/block-inactive-accounts) (In Progress):", report, StringComparison.Ordinal);
        Assert.Contains("Linear ticket notice listing SIRA-1", report, StringComparison.Ordinal);
        Assert.DoesNotContain("UTF-8](", report, StringComparison.Ordinal);
        Assert.Equal(1, _linear.Count("IssuesByNumber"));
    }

    [Fact]
    public async Task Collect_records_linear_with_its_teams_and_the_referenced_tickets_and_never_the_key()
    {
        var result = await EvidenceCli.RunAsync("collect", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--snapshot", _work.Combine("week.json"));

        Assert.Equal(0, result.ExitCode);
        var snapshot = SnapshotSerializer.Load(_work.Combine("week.json"));
        var linear = Assert.Single(snapshot.Sources!, s => s.Name == "linear");
        Assert.Equal((_linear.Url.AbsoluteUri, "SIRA"), (linear.Url, Assert.Single(linear.Covered)));
        Assert.Equal(["SIRA-1", "SIRA-2", "SIRA-3"], snapshot.Tickets.Select(t => t.Identifier));
        Assert.Equal(["SIRA-4"], snapshot.ReferencedTickets!.Select(t => t.Identifier));
        Assert.All(_work.Files(), f => Assert.DoesNotContain(FakeLinear.DefaultApiKey, Encoding.UTF8.GetString(f.Value), StringComparison.Ordinal));
        Assert.Contains(_work.Files().Keys, k => k.Contains(Path.Combine(".evidence-cache", "linear"), StringComparison.Ordinal));
        Assert.DoesNotContain(FakeLinear.DefaultApiKey, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warm_rebuild_makes_only_listing_requests_to_Linear_and_writes_the_same_report()
    {
        await Build();
        var first = Report;
        _linear.ResetLog();

        var second = await Build();

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first, Report);
        Assert.Equal(["CandidateIssues", "IssuesByNumber", "Teams", "UsersByEmails"], _linear.Requests.Select(r => r.OperationName!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rate_limited_as_http_400_then_answered_builds_the_same_report()
    {
        await Build();
        var clean = Report;
        _linear.ResetLog();
        _linear.Fail(FakeFault.LinearRateLimited(TimeSpan.FromMilliseconds(300)), operation: "CandidateIssues");
        _linear.Fail(FakeFault.LinearRateLimited(TimeSpan.FromMilliseconds(300)), operation: "IssueHistoryBatch");

        var result = await Build("--no-cache");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, _linear.Requests.Count(r => r.Status == 400));
        Assert.Equal(clean, Report);
    }

    [Fact]
    public async Task A_rejected_key_exits_2_with_one_line_naming_its_variable_and_changes_no_output()
    {
        await Build();
        var before = _work.Files();
        Environment.SetEnvironmentVariable(_keyEnv, "lin_api_not_the_right_key_42");

        var result = await Build("--no-cache");

        Assert.Equal(2, result.ExitCode);
        var line = ErrorLine(result);
        Assert.Contains(_keyEnv, line, StringComparison.Ordinal);
        Assert.DoesNotContain("lin_api_not_the_right_key_42", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(), _work.Files().Keys.Order());
        Assert.All(_work.Files(), f => Assert.Equal(before[f.Key], f.Value));
    }

    [Fact]
    public async Task No_key_in_the_named_variable_exits_1_naming_it_before_any_request()
    {
        Environment.SetEnvironmentVariable(_keyEnv, null);

        var result = await Build();

        Assert.Equal(1, result.ExitCode);
        var line = ErrorLine(result);
        Assert.Contains(_keyEnv, line, StringComparison.Ordinal);
        Assert.Empty(_gitLab.Requests);
        Assert.Empty(_linear.Requests);
    }

    [Fact]
    public async Task An_unknown_team_exits_1_naming_linear_teams_and_the_teams_the_key_can_see()
    {
        File.WriteAllText(ConfigPath, File.ReadAllText(ConfigPath).Replace("teams: [SIRA]", "teams: [SIRA, PLP]", StringComparison.Ordinal));

        var result = await Build();

        Assert.Equal(1, result.ExitCode);
        var line = ErrorLine(result);
        Assert.Contains("linear.teams", line, StringComparison.Ordinal);
        Assert.Contains("'PLP'", line, StringComparison.Ordinal);
        Assert.Contains("it can see: OPS, SIRA", line, StringComparison.Ordinal);
        Assert.False(File.Exists(_work.Combine("output", "sprint-2-week-1", "report.md")));
    }

    /// <summary>The one error line; the other lines on standard error are progress.</summary>
    private static string ErrorLine(CliResult result)
    {
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Where(l => !l.StartsWith("error: ", StringComparison.Ordinal)), l => Assert.StartsWith("collecting ", l, StringComparison.Ordinal));
        return Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
    }

    private Task<CliResult> Build(params string[] extra) =>
        EvidenceCli.RunAsync(["build", "--config", ConfigPath, "--sprint", "2", "--week", "1", .. extra]);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Jakarta);
}
