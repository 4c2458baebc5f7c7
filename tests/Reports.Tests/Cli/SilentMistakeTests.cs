using Reports.Cli;
using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// The mistakes a new student really makes that used to give a confident, wrong report with exit 0,
/// each tried against the fake GitLab: every one now ends with a correct report, a <c>warning:</c>
/// naming it (on standard error and on the page), or exit 1 naming it.
/// </summary>
public sealed class SilentMistakeTests : IAsyncLifetime
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private FakeGitLab _fake = null!;
    private FakeProject _project = null!;

    private string ConfigPath => _work.Combine("evidence.yml");

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        var student = _fake.AddUser("abhipraya", "Abhipraya");
        var teammate = _fake.AddUser("froklax", "Froklax");
        _project = _fake.AddProject("ppl/sira-backend");
        _project.Members.Add((student, 30));
        _project.Members.Add((teammate, 30));
        _project.Members.Add((_fake.AddUser("lecturer", "Lecturer"), 50));

        var reviewed = _fake.AddMergeRequest(_project, teammate, m => m.CreatedAt = At(24, 9));
        reviewed.AddThread(student, "**P1**: handle the empty list", At(25, 10));
        reviewed.AddCommit("abhipraya@example.com", "fix the empty list", At(26, 11));
        reviewed.Merge(student, At(27, 17));
        var own = _fake.AddMergeRequest(_project, student, m => m.CreatedAt = At(25, 9));
        own.AddCommit("abhipraya@cs.ui.ac.id", "add the invoice view", At(25, 12));
        Environment.SetEnvironmentVariable(_tokenEnv, _fake.Token);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        await _fake.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task A_username_gitlab_does_not_know_exits_1_naming_the_line_and_the_nearest_member_and_writes_nothing()
    {
        WriteConfig(username: "abhipray");

        var result = await Build();

        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"{ConfigPath}:3: student.username: GitLab at", line, StringComparison.Ordinal);
        Assert.Contains("has no user 'abhipray' (did you mean 'abhipraya', a member of ppl/sira-backend?)", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_work.Combine("output")));
        Assert.DoesNotContain(_fake.Requests, r => r.Path.Contains("/merge_requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_teammates_typo_names_their_entry_and_the_teammate_it_likely_means()
    {
        _work.Write("evidence.yml", $"""
            students:
              - {"{"} username: abhipraya, emails: [abhipraya@example.com] {"}"}
              - {"{"} username: froklx, emails: [froklax@example.com] {"}"}
            {Rest()}
            """);

        var result = await Build();

        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains($"{ConfigPath}:3: students[1].username: GitLab at", result.Error, StringComparison.Ordinal);
        Assert.Contains("has no user 'froklx' (did you mean 'froklax', a member of ppl/sira-backend?)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_username_is_asked_once_and_a_warm_rerun_asks_nothing()
    {
        WriteConfig();

        var first = await Build();
        var asked = _fake.Count(r => r.Path.Contains("/users", StringComparison.Ordinal));
        _fake.ResetLog();
        var second = await Build();

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, asked);
        Assert.DoesNotContain(_fake.Requests, r => r.Path.Contains("/users", StringComparison.Ordinal) || r.Path.Contains("/members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sprint_dates_a_year_off_warn_where_the_projects_activity_is_and_the_heading_shows_the_year()
    {
        WriteConfig(sprintStart: "2024-03-24");

        var result = await Build();

        Assert.Equal(0, result.ExitCode);
        const string Expected = "no merge request of ppl/sira-backend had any activity from 2024-03-24 to 2024-03-30; the newest merge request activity is on 2025-03-27";
        Assert.Contains($"warning: {Expected}", result.Error, StringComparison.Ordinal);
        var markdown = Report();
        Assert.Contains("(Mar 24 to 30, 2024)", markdown, StringComparison.Ordinal);
        Assert.Contains(Expected, PageText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_before_any_merge_request_names_the_newest_activity_with_one_more_request()
    {
        WriteConfig(sprintStart: "2025-06-02");

        var result = await Build();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: no merge request of ppl/sira-backend had any activity from 2025-06-02 to 2025-06-08; the newest merge request activity is on 2025-03-27", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, _fake.Count(r => r.Path.EndsWith("/merge_requests", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_busy_week_costs_no_request_for_the_newest_activity_and_says_nothing_of_it()
    {
        WriteConfig();

        var result = await Build();

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("no merge request of", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, _fake.Count(r => r.Path.EndsWith("/merge_requests", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Empty_emails_as_init_writes_them_warn_that_no_commit_can_be_matched()
    {
        WriteConfig(emails: "[]");

        var result = await Build();

        Assert.Equal(0, result.ExitCode);
        const string Expected = "no commit email is configured for @abhipraya (emails: []), so no commit can be matched to them";
        Assert.Contains($"warning: {Expected}", result.Error, StringComparison.Ordinal);
        Assert.Contains(Expected, PageText(), StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n'), l => l.Contains(Expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emails_that_none_of_the_students_own_commits_carry_warn_naming_the_merge_request()
    {
        WriteConfig(emails: "[abhipraya@gmail.com]");

        var result = await Build();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: none of the commits on @abhipraya's own merge request !2 (ppl/sira-backend) in this window is authored by one of their configured emails", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emails_that_match_the_students_own_commits_warn_of_nothing()
    {
        WriteConfig(emails: "[abhipraya@example.com, abhipraya@cs.ui.ac.id]");
        _work.Write("notes/sprint-2-week-1.md", "## Impact\n\nThe review caught a bug.\n");

        var result = await Build();

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("warning:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Check before relying on this report", Report(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misnamed_notes_file_warns_with_the_path_the_week_wanted()
    {
        WriteConfig(emails: "[abhipraya@example.com, abhipraya@cs.ui.ac.id]");
        _work.Write("notes/sprint2-week1.md", "## Impact\n\nThe review caught a bug.\n");

        var result = await Build();

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("warning:", StringComparison.Ordinal));
        Assert.StartsWith("warning: notes/sprint-2-week-1.md: no notes file", warning, StringComparison.Ordinal);
        Assert.Contains("evidence notes --sprint 2 --week 1", warning, StringComparison.Ordinal);
        Assert.Contains("notes/sprint-2-week-1.md: no notes file", PageText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_warns_of_the_missing_notes_file_too_but_keeps_it_out_of_the_snapshot()
    {
        WriteConfig(emails: "[abhipraya@example.com, abhipraya@cs.ui.ac.id]");

        var result = await EvidenceCli.RunAsync("collect", "--config", ConfigPath, "--sprint", "2", "--week", "1", "--snapshot", _work.Combine("week.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: notes/sprint-2-week-1.md: no notes file", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("notes/", File.ReadAllText(_work.Combine("week.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_placeholder_url_init_writes_exits_1_naming_its_line_before_any_request()
    {
        WriteConfig(url: "https://gitlab.example.com");

        var result = await Build();

        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains($"error: {ConfigPath}:6: gitlab.url is still the placeholder https://gitlab.example.com that 'evidence init' wrote", result.Error, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task A_run_of_many_weeks_ends_with_one_summary_line_and_verbose_lists_every_file()
    {
        WriteConfig(emails: "[]");

        var brief = await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--all-weeks", "--out", _work.Combine("brief"));
        var verbose = await EvidenceCli.RunAsync("build", "--config", ConfigPath, "--all-weeks", "--out", _work.Combine("verbose"), "--verbose");

        Assert.Equal(0, brief.ExitCode);
        var summary = Assert.Single(brief.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("wrote 2 reports (2 weeks × 1 student, ", summary, StringComparison.Ordinal);
        Assert.EndsWith($"), 4 warnings; site: {_work.Combine("brief", "index.html")} (--verbose lists every file)", summary, StringComparison.Ordinal);
        Assert.Equal(["collecting Sprint 2, Week 1", "collecting Sprint 2, Week 2"], brief.Error.Split('\n').Where(l => l.StartsWith("collecting", StringComparison.Ordinal)));
        var listed = verbose.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(_work.Combine("verbose", "sprint-2-week-2", "index.html"), listed);
        Assert.StartsWith("wrote 2 reports", listed[^1], StringComparison.Ordinal);
    }

    private Task<CliResult> Build() => EvidenceCli.RunAsync("build", "--config", ConfigPath, "--sprint", "2", "--week", "1");

    private string Report() => File.ReadAllText(_work.Combine("output", "sprint-2-week-1", "report.md"));

    /// <summary>The text of the week's page as its reader sees it.</summary>
    private string PageText() =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(_work.Combine("output", "sprint-2-week-1", "index.html"))).Body!.TextContent;

    private void WriteConfig(string username = "abhipraya", string emails = "[abhipraya@example.com]", string? url = null, string sprintStart = "2025-03-24") =>
        _work.Write("evidence.yml", $"""
            course: PPL
            student:
              username: {username}
              emails: {emails}
            {Rest(url, sprintStart)}
            """);

    private string Rest(string? url = null, string sprintStart = "2025-03-24") => $"""
        gitlab:
          url: {url ?? _fake.BaseUrl.ToString()}
          projects: [ppl/sira-backend]
          token_env: {_tokenEnv}
        calendar:
          timezone: Asia/Jakarta
          sprints:
            - {"{"} name: Sprint 2, start: {sprintStart}, weeks: 2 {"}"}
        """;

    private static DateTimeOffset At(int day, int hour) => new(2025, 3, day, hour, 0, 0, Jakarta);
}
