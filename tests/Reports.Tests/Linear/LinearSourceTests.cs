using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Config;
using Reports.Fakes;
using Reports.Linear;
using Reports.Model;
using Reports.Sources;
using static Reports.Tests.Linear.LinearScenario;

namespace Reports.Tests.Linear;

/// <summary><see cref="LinearSource"/> against the fake Linear: what it reads, what it refuses, and what it gives the rules.</summary>
public sealed class LinearSourceTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "evidence-linear-source-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public async Task The_week_read_over_http_gives_the_student_what_they_created_moved_and_groomed()
    {
        await using var s = await StartAsync();
        var parent = s.Fake.AddIssue(s.Team, s.Teammate, i => { i.Title = "Invoice management"; i.CreatedAt = At(3, 9); });
        var planned = s.Fake.AddIssue(s.Team, s.Student, i =>
        {
            i.Title = "BDD: invoice lifecycle";
            i.CreatedAt = new DateTimeOffset(2025, 3, 24, 2, 0, 0, TimeSpan.Zero);
            i.Parent = parent;
            i.Description = "Scenario: pay\nScenario Outline: refund <n>";
        });
        planned.AddHistory(new FakeLinearHistory { CreatedAt = planned.CreatedAt, Actor = s.Student, ToState = FakeLinearState.Backlog });
        var moved = s.Fake.AddIssue(s.Team, s.Teammate, i => { i.Title = "Cancel invoice"; i.CreatedAt = At(10, 9); i.State = FakeLinearState.Done; i.Attachments.Add("https://gitlab.example.com/ppl/sira-backend/-/merge_requests/118"); });
        moved.AddHistory(new FakeLinearHistory { CreatedAt = At(26, 10), Actor = s.Student, FromState = FakeLinearState.Todo, ToState = FakeLinearState.InProgress });
        moved.AddHistory(new FakeLinearHistory { CreatedAt = new DateTimeOffset(2025, 3, 28, 10, 45, 0, TimeSpan.Zero), Bot = "GitLab", FromState = FakeLinearState.InProgress, ToState = FakeLinearState.Done });
        moved.AddHistory(new FakeLinearHistory { CreatedAt = At(27, 10), Actor = s.Teammate, FromEstimate = 1, ToEstimate = 2 });
        var groomed = s.Fake.AddIssue(s.Team, s.Teammate, i => i.CreatedAt = At(12, 9));
        groomed.AddHistory(new FakeLinearHistory { CreatedAt = new DateTimeOffset(2025, 3, 30, 16, 59, 0, TimeSpan.Zero), Actor = s.Student, FromPriority = 0, ToPriority = 2 });
        var late = s.Fake.AddIssue(s.Team, s.Teammate, i => i.CreatedAt = At(12, 9));
        late.AddHistory(new FakeLinearHistory { CreatedAt = new DateTimeOffset(2025, 3, 30, 17, 0, 0, TimeSpan.Zero), Actor = s.Student, FromPriority = 0, ToPriority = 1 });

        var snapshot = await s.CollectAsync();

        Assert.Equal([planned.Identifier, moved.Identifier, groomed.Identifier], snapshot.Tickets.Select(t => t.Identifier));
        var created = snapshot.Tickets[0];
        Assert.True(created.CreatedInWindow);
        Assert.Equal((parent.Identifier, "Invoice management"), (created.Parent!.Identifier, created.Parent.Title));
        Assert.StartsWith("https://linear.app/", created.Parent.Url, StringComparison.Ordinal);
        Assert.Empty(created.StatusChanges);
        Assert.Equal([new StatusChange(At(26, 10), "Todo", "In Progress")], snapshot.Tickets[1].StatusChanges);
        Assert.Empty(snapshot.Tickets[1].Grooming);
        Assert.Equal(["https://gitlab.example.com/ppl/sira-backend/-/merge_requests/118"], snapshot.Tickets[1].AttachmentUrls);
        Assert.Equal("Done", snapshot.Tickets[1].State);
        Assert.Equal([new GroomingChange(At(30, 23, 59), "priority", "No priority", "High")], snapshot.Tickets[2].Grooming);
    }

    [Fact]
    public async Task An_unknown_team_key_is_a_config_error_naming_linear_teams_and_the_teams_the_key_can_see()
    {
        await using var s = await StartAsync();
        s.Fake.AddTeam("OPS");

        var error = await Assert.ThrowsAsync<EvidenceException>(() => s.CollectAsync(new LinearConfig { Url = s.Fake.Url, Teams = ["SIRA", "SIRRA"] }));

        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(error));
        Assert.Equal("linear.teams: no team with the key 'SIRRA' is visible to the API key in LINEAR_API_KEY; it can see: OPS, SIRA", error.Message);
        Assert.Equal(0, s.Fake.Count("CandidateIssues"));
    }

    [Fact]
    public async Task Team_keys_are_matched_ignoring_case_and_recorded_as_Linear_spells_them()
    {
        await using var s = await StartAsync();
        s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 9));
        using var source = s.Source(new LinearConfig { Url = s.Fake.Url, Teams = ["sira"] });

        IFetchedWindow fetched = await source.FetchAsync(new CollectionWindow(Start, End));

        Assert.Equal(["SIRA"], fetched.Covered);
        Assert.Single(((LinearWindow)fetched).Issues);
    }

    [Fact]
    public async Task Without_teams_configured_every_team_the_key_can_see_is_read_and_none_is_recorded()
    {
        await using var s = await StartAsync();
        var ops = s.Fake.AddTeam("OPS");
        s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 9));
        s.Fake.AddIssue(ops, s.Student, i => i.CreatedAt = At(26, 9));
        using var source = s.Source(new LinearConfig { Url = s.Fake.Url });

        var fetched = await source.FetchAsync(new CollectionWindow(Start, End));

        Assert.Empty(((IFetchedWindow)fetched).Covered);
        Assert.Equal(["OPS", "SIRA"], fetched.TeamKeys.Order(StringComparer.Ordinal));
        Assert.Equal(["OPS-1", "SIRA-1"], fetched.Issues.Select(i => i.Issue.Identifier));
    }

    [Fact]
    public async Task A_linear_email_no_account_has_is_an_error_naming_the_student_and_the_email()
    {
        await using var s = await StartAsync();
        var stranger = new StudentConfig { Username = "nobody", LinearEmail = "nobody@example.com" };
        using var source = s.Source(students: [s.StudentConfig, stranger]);

        var error = await Assert.ThrowsAsync<EvidenceException>(() => source.FetchAsync(new CollectionWindow(Start, End)));

        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(error));
        Assert.Contains("linear_email of nobody", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nobody@example.com'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accounts_of_a_whole_team_are_found_in_one_request_and_one_fetch_serves_each_student()
    {
        await using var s = await StartAsync();
        s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 9));
        s.Fake.AddIssue(s.Team, s.Teammate, i => i.CreatedAt = At(26, 9));
        using var source = s.Source(students: [s.StudentConfig, s.TeammateConfig]);

        var fetched = await source.FetchAsync(new CollectionWindow(Start, End));

        Assert.Equal(1, s.Fake.Count("UsersByEmails"));
        Assert.Equal(["SIRA-1"], Rules.LinearWeek.Apply(fetched, s.StudentConfig).Tickets.Select(t => t.Identifier));
        Assert.Equal(["SIRA-2"], Rules.LinearWeek.Apply(fetched, s.TeammateConfig).Tickets.Select(t => t.Identifier));
    }

    [Fact]
    public async Task An_issue_created_after_the_window_is_not_a_candidate()
    {
        await using var s = await StartAsync();
        s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = End);
        using var source = s.Source();

        var fetched = await source.FetchAsync(new CollectionWindow(Start, End));

        Assert.Empty(fetched.Issues);
        Assert.Equal(0, s.Fake.Count("IssueHistoryBatch"));
    }

    [Fact]
    public async Task Rate_limited_as_http_400_and_then_answered_gives_the_same_tickets()
    {
        await using var s = await StartAsync();
        var issue = s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 9));
        issue.AddHistory(new FakeLinearHistory { CreatedAt = At(26, 9), Actor = s.Student, FromState = FakeLinearState.Todo, ToState = FakeLinearState.InProgress });
        var clean = SnapshotSerializer.Serialize(await s.CollectAsync());
        s.Fake.ResetLog();
        s.Fake.Fail(FakeFault.LinearRateLimited(TimeSpan.FromMilliseconds(50)), operation: "CandidateIssues");
        s.Fake.Fail(FakeFault.LinearRateLimited(TimeSpan.FromMilliseconds(50)), operation: "IssueHistoryBatch");

        var faulty = SnapshotSerializer.Serialize(await s.CollectAsync());

        Assert.Equal(2, s.Fake.Requests.Count(r => r.Status == 400));
        Assert.Equal(clean, faulty);
    }

    [Fact]
    public async Task A_rejected_key_fails_with_exit_2_naming_its_variable_and_never_the_key()
    {
        await using var s = await StartAsync();
        using var source = new LinearSource(FastLinear.For(s.Fake, apiKey: "lin_api_wrong_key_123456"), new LinearConfig { Url = s.Fake.Url, ApiKeyEnv = "MY_LINEAR_KEY" }, [s.StudentConfig]);

        var error = await Assert.ThrowsAsync<LinearException>(() => source.FetchAsync(new CollectionWindow(Start, End)));

        Assert.Equal(ExitCode.RemoteFailure, CommandRunner.ExitCodeOf(error));
        Assert.Equal("AUTHENTICATION_ERROR", error.Code);
        Assert.DoesNotContain("lin_api_wrong_key_123456", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_names_linear_stages_that_explain_themselves()
    {
        await using var s = await StartAsync();
        s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 9));
        var reports = new List<CollectionProgress>();

        await s.CollectAsync(progress: new Recorder(reports));

        Assert.All(reports, r => Assert.Equal("linear", r.Source));
        Assert.All(reports, r => Assert.Contains("Linear", r.Stage, StringComparison.Ordinal));
        Assert.Contains(new CollectionProgress("linear", "Linear issue histories", 1, 1), reports);
    }

    [Fact]
    public async Task The_history_cache_holds_what_Linear_answered_and_never_the_key()
    {
        await using var s = await StartAsync();
        var issue = s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 9));
        issue.AddHistory(new FakeLinearHistory { CreatedAt = At(26, 9), Actor = s.Student, FromState = FakeLinearState.Todo, ToState = FakeLinearState.InProgress });

        await s.CollectAsync(cache: new IssueHistoryCache(_cache));

        var file = Assert.Single(Directory.GetFiles(_cache, "*", SearchOption.AllDirectories));
        Assert.EndsWith(issue.Id + ".json", file, StringComparison.Ordinal);
        var text = File.ReadAllText(file);
        Assert.Contains("In Progress", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLinear.DefaultApiKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_issue_is_read_again_and_an_unchanged_one_comes_from_the_cache()
    {
        await using var s = await StartAsync();
        var changed = s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 9));
        s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 10));
        var cache = new IssueHistoryCache(_cache);
        await s.CollectAsync(cache: cache);
        changed.AddHistory(new FakeLinearHistory { CreatedAt = At(27, 9), Actor = s.Student, FromState = FakeLinearState.Todo, ToState = FakeLinearState.Done });
        s.Fake.ResetLog();

        var snapshot = await s.CollectAsync(cache: cache);

        var batch = Assert.Single(s.Fake.Requests, r => r.OperationName == "IssueHistoryBatch");
        Assert.Equal([changed.Id], batch.Variables!.Value.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([new StatusChange(At(27, 9), "Todo", "Done")], snapshot.Tickets[0].StatusChanges);
    }

    [Fact]
    public async Task Tickets_named_by_merge_requests_and_not_listed_are_read_in_one_request()
    {
        await using var s = await StartAsync();
        var old = s.Fake.AddIssue(s.Team, s.Teammate, i => { i.Title = "Block inactive accounts"; i.CreatedAt = At(3, 9); i.UpdatedAt = At(4, 9); i.State = FakeLinearState.Done; });
        var older = s.Fake.AddIssue(s.Team, s.Teammate, i => { i.CreatedAt = At(2, 9); i.UpdatedAt = At(4, 9); });
        using var source = s.Source();
        var fetched = await source.FetchAsync(new CollectionWindow(Start, End));
        var snapshot = Rules.LinearWeek.Builder(fetched, s.StudentConfig);
        snapshot.Merges.Add(new MergeRequestRef
        {
            Project = "ppl/sira-backend",
            Iid = 104,
            Title = "Block inactive account auth",
            Author = new Person("froklax"),
            WebUrl = "https://gitlab.example.com/ppl/sira-backend/-/merge_requests/104",
            CreatedAt = At(24, 9),
            SourceBranch = $"{old.Identifier.ToLowerInvariant()}-block-inactive",
            Description = $"Part of {older.Identifier}; SIRA-999 is a typo.",
        });
        s.Fake.ResetLog();

        await fetched.CompleteAsync([(s.StudentConfig, snapshot)], progress: null, CancellationToken.None);

        Assert.Equal("IssuesByNumber", Assert.Single(s.Fake.Requests).OperationName);
        var referenced = snapshot.Build().ReferencedTickets!;
        Assert.Equal([old.Identifier, older.Identifier], referenced.Select(t => t.Identifier));
        Assert.Equal(("Block inactive accounts", "Done"), (referenced[0].Title, referenced[0].State));
    }

    private sealed class Recorder(List<CollectionProgress> reports) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value) => reports.Add(value);
    }
}
