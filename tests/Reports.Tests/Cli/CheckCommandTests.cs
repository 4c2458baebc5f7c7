using Microsoft.Extensions.Time.Testing;
using Reports.Cli;
using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// <c>evidence check</c> against the fakes: a demo-like config passes in a handful of requests, and each
/// broken item is named on its own line with its fix, exit 1 for a config item (which wins), 2 for a refusal.
/// </summary>
public sealed class CheckCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private readonly TempDirectory _work = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 27, 14, 0, 0, Jakarta));
    private FakeGitLab _gitLab = null!;
    private FakeLinear _linear = null!;
    private Dictionary<string, string> _environment = null!;

    private string ConfigPath => _work.Combine("evidence.yml");

    public async Task InitializeAsync()
    {
        _gitLab = await FakeGitLab.StartAsync();
        _linear = await FakeLinear.StartAsync();
        var student = _gitLab.AddUser("abhipraya", "Abhipraya");
        var teammate = _gitLab.AddUser("froklax", "Froklax");
        var project = _gitLab.AddProject("ppl/sira-backend");
        project.Members.Add((student, 30));
        project.Members.Add((teammate, 30));
        var own = _gitLab.AddMergeRequest(project, student, m => m.CreatedAt = At(25, 9));
        own.AddCommit("abhipraya@example.com", "add the invoice view", At(25, 12));
        _gitLab.AddMergeRequest(project, teammate, m => m.CreatedAt = At(24, 9));
        _linear.AddUser("Abhipraya", "abhipraya@example.com");
        _linear.AddTeam("SIRA");
        _environment = new() { ["GITLAB_TOKEN"] = _gitLab.Token, ["LINEAR_API_KEY"] = FakeLinear.DefaultApiKey };
        _work.Write("notes/sprint-2-week-1.md", "## Impact\n\nA review caught a bug.\n");
    }

    public async Task DisposeAsync()
    {
        await _gitLab.DisposeAsync();
        await _linear.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task A_demo_like_config_passes_every_item_in_a_handful_of_requests()
    {
        WriteConfig();

        var result = await Check();

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result);
        Assert.All(lines[..^1], l => Assert.StartsWith("✓ ", l, StringComparison.Ordinal));
        Assert.Contains("✓ gitlab.token_env: GITLAB_TOKEN is accepted by", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ gitlab.token_env: GITLAB_TOKEN has the read_api scope", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ gitlab.projects: ppl/sira-backend is readable", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ student.username: @abhipraya exists", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ calendar.sprints: today (2025-03-27, Asia/Jakarta) is in Sprint 2, Week 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ student.linear_email: abhipraya@example.com has a Linear account", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ linear.teams: team SIRA exists", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ notes: notes/sprint-2-week-1.md is there", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("check: ", lines[^1], StringComparison.Ordinal);
        Assert.EndsWith(" passed, 0 failed, 0 warnings", lines[^1], StringComparison.Ordinal);
        Assert.InRange(_gitLab.Requests.Count, 1, 8);
        Assert.Equal(3, _linear.Requests.Count);
        Assert.DoesNotContain(_gitLab.Token, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_username_is_named_with_the_member_it_likely_means_and_exits_1()
    {
        WriteConfig(username: "abhipray");

        var result = await Check();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"✗ student.username: {ConfigPath}:3: GitLab at", result.Output, StringComparison.Ordinal);
        Assert.Contains("has no user 'abhipray' (did you mean 'abhipraya', a member of ppl/sira-backend?)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sprint_dates_a_year_off_name_where_the_activity_is_and_exit_1()
    {
        WriteConfig(sprintStart: "2024-03-24");

        var result = await Check("--sprint", "2", "--week", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "✗ calendar.sprints: ppl/sira-backend has no merge request activity inside the sprint calendar: newest merge request activity 2025-03-25; calendar starts 2024-03-24",
            result.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_after_the_last_sprint_fails_and_names_the_fix()
    {
        WriteConfig(sprintStart: "2024-03-24");

        var result = await Check();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✗ calendar.sprints: today (2025-03-27) is after the last sprint, which ends 2024-04-06", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_one_student_on_the_first_monday_passes_with_warnings_only()
    {
        WriteConfig(sprintStart: "2025-06-02", emails: "[]");
        _time.SetUtcNow(new DateTimeOffset(2025, 6, 2, 8, 0, 0, Jakarta));

        var result = await Check();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("! calendar.sprints: ppl/sira-backend has no merge request activity inside the sprint calendar", result.Output, StringComparison.Ordinal);
        Assert.Contains("! student.emails: no commit email is configured for @abhipraya (emails: [])", result.Output, StringComparison.Ordinal);
        Assert.Contains("! notes: notes/sprint-1-week-1.md: no notes file", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emails_none_of_the_weeks_commits_carry_warn_without_failing()
    {
        WriteConfig(emails: "[abhipraya@gmail.com]");

        var result = await Check();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("! student.emails: none of the commits on @abhipraya's own merge request !1 (ppl/sira-backend)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_exits_2_and_a_config_failure_wins_over_it()
    {
        WriteConfig();
        _environment["GITLAB_TOKEN"] = "glpat-wrong-token-value";

        var refused = await Check();
        WriteConfig(linearTeam: "SIRX");
        var both = await Check();

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("✗ gitlab.token_env: GITLAB_TOKEN:", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("glpat-wrong-token-value", refused.Output, StringComparison.Ordinal);
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("✗ linear.teams: the key sees no team SIRX (did you mean SIRA?)", both.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scopes_the_token_lacks_fail_and_scopes_gitlab_cannot_report_warn()
    {
        WriteConfig();
        _gitLab.TokenScopes = ["read_user"];
        var lacking = await Check();
        _gitLab.TokenScopes = null;
        var unknown = await Check();

        Assert.Equal(1, lacking.ExitCode);
        Assert.Contains("✗ gitlab.token_env: GITLAB_TOKEN has the scopes read_user but not read_api", lacking.Output, StringComparison.Ordinal);
        Assert.Equal(0, unknown.ExitCode);
        Assert.Contains("! gitlab.token_env: GITLAB_TOKEN: its scopes could not be checked", unknown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifys_token_needs_the_api_scope()
    {
        WriteConfig(notify: true);
        _gitLab.AddToken("glpat-bot-token-value", _gitLab.AddUser("project_1_bot", "Bot", bot: true));
        _gitLab.SetScopes("glpat-bot-token-value", ["read_api"]);
        _environment["SIRABOT_TOKEN"] = "glpat-bot-token-value";

        var result = await Check();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✗ notify.token_env: SIRABOT_TOKEN has the scopes read_api but not api", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_project_and_unknown_linear_email_are_each_named()
    {
        WriteConfig(projects: "[ppl/sira-backend, ppl/sira-frontnd]", linearEmail: "abhi@example.com");

        var result = await Check();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✗ gitlab.projects: project 'ppl/sira-frontnd' not found", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ student.linear_email: no Linear account has the email abhi@example.com (@abhipraya)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_that_does_not_parse_is_one_failed_item()
    {
        _work.Write("evidence.yml", "student:\n  usernme: abhipraya\n");

        var result = await Check();

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"✗ config: {ConfigPath}:2:", Lines(result)[0], StringComparison.Ordinal);
        Assert.Empty(_gitLab.Requests);
    }

    [Fact]
    public async Task The_placeholder_url_fails_before_any_request()
    {
        WriteConfig(url: "https://gitlab.example.com");

        var result = await Check();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✗ gitlab.url: ", result.Output, StringComparison.Ordinal);
        Assert.Empty(_gitLab.Requests);
    }

    private Task<CliResult> Check(params string[] window) =>
        EvidenceCli.RunAsync(_time, _environment, ["check", "--config", ConfigPath, .. window]);

    private static string[] Lines(CliResult result) => result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private void WriteConfig(
        string username = "abhipraya",
        string emails = "[abhipraya@example.com]",
        string? url = null,
        string sprintStart = "2025-03-24",
        string projects = "[ppl/sira-backend]",
        string linearEmail = "abhipraya@example.com",
        string linearTeam = "SIRA",
        bool notify = false) =>
        _work.Write("evidence.yml", $"""
            course: PPL
            student:
              username: {username}
              emails: {emails}
              linear_email: {linearEmail}
            gitlab:
              url: {url ?? _gitLab.BaseUrl.ToString()}
              projects: {projects}
            linear:
              url: {_linear.Url}
              teams: [{linearTeam}]
            calendar:
              timezone: Asia/Jakarta
              sprints:
                - {"{"} name: Sprint {(sprintStart.StartsWith("2025-06", StringComparison.Ordinal) ? 1 : 2)}, start: {sprintStart}, weeks: 2 {"}"}
            {(notify ? "notify:\n  token_env: SIRABOT_TOKEN\n" : "")}
            """);

    private static DateTimeOffset At(int day, int hour) => new(2025, 3, day, hour, 0, 0, Jakarta);
}
