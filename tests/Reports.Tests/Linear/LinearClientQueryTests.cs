using System.Text.Json;
using Reports.Fakes;
using Reports.Linear;

namespace Reports.Tests.Linear;

public sealed class LinearClientQueryTests
{
    private static readonly DateTimeOffset WindowStart = new(2025, 3, 24, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task The_viewer_comes_back_as_a_typed_user()
    {
        await using var fake = await FakeLinear.StartAsync();

        using var client = FastLinear.For(fake);
        var viewer = await client.Users.GetViewerAsync();

        Assert.Equal(fake.Viewer.Id, viewer.Id);
        Assert.Equal("Key Owner", viewer.Name);
        Assert.Equal("owner@example.com", viewer.Email);
        Assert.Equal("Viewer", Assert.Single(fake.Requests).OperationName);
    }

    [Fact]
    public async Task A_student_is_found_by_linear_email_ignoring_case_and_an_unknown_email_is_null()
    {
        await using var fake = await FakeLinear.StartAsync();
        var student = fake.AddUser("Abhipraya Putra", "abhipraya@example.com");
        fake.AddUser("Someone Else", "else@example.com");

        using var client = FastLinear.For(fake);
        var found = await client.Users.FindByEmailAsync("Abhipraya@Example.com");
        var missing = await client.Users.FindByEmailAsync("nobody@example.com");

        Assert.Equal(student.Id, found?.Id);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Teams_the_key_can_see_are_listed_with_their_keys()
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.AddTeam("SIRA", "Sira");
        fake.AddTeam("OPS");

        using var client = FastLinear.For(fake);
        var teams = await client.Teams.ListAsync().ToListAsync();

        Assert.Equal(["SIRA", "OPS"], teams.Select(t => t.Key));
        Assert.Equal("Sira", teams[0].Name);
    }

    [Fact]
    public async Task Candidate_issues_are_paged_by_endCursor_until_the_last_page()
    {
        await using var fake = await FakeLinear.StartAsync();
        var team = fake.AddTeam("SIRA");
        for (var i = 0; i < 120; i++)
        {
            fake.AddIssue(team, configure: issue => issue.CreatedAt = WindowStart.AddMinutes(i));
        }

        using var client = FastLinear.For(fake);
        var issues = await client.Issues.ListChangedSinceAsync(["SIRA"], WindowStart).ToListAsync();

        Assert.Equal(120, issues.Count);
        Assert.Equal(120, issues.Select(i => i.Id).Distinct().Count());
        Assert.Equal(3, fake.Count("CandidateIssues"));
        var requests = fake.Requests;
        Assert.Equal(JsonValueKind.Null, requests[0].Variables!.Value.GetProperty("after").ValueKind);
        Assert.Equal(issues[49].Id, requests[1].Variables!.Value.GetProperty("after").GetString());
        Assert.Equal(issues[99].Id, requests[2].Variables!.Value.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Candidate_issues_are_those_of_the_teams_changed_since_the_instant_newest_first()
    {
        await using var fake = await FakeLinear.StartAsync();
        var sira = fake.AddTeam("SIRA");
        var other = fake.AddTeam("OTHER");
        var old = fake.AddIssue(sira, configure: i => i.CreatedAt = WindowStart.AddDays(-30));
        var createdBefore = fake.AddIssue(sira, configure: i => i.CreatedAt = WindowStart.AddDays(-30));
        createdBefore.AddHistory(new FakeLinearHistory { CreatedAt = WindowStart.AddHours(5), ToState = FakeLinearState.Todo });
        var createdIn = fake.AddIssue(sira, configure: i => i.CreatedAt = WindowStart.AddHours(1));
        var archived = fake.AddIssue(sira, configure: i => { i.CreatedAt = WindowStart.AddHours(2); i.ArchivedAt = WindowStart.AddHours(3); });
        fake.AddIssue(other, configure: i => i.CreatedAt = WindowStart.AddHours(1));

        using var client = FastLinear.For(fake);
        var issues = await client.Issues.ListChangedSinceAsync(["SIRA"], WindowStart).ToListAsync();

        Assert.Equal([archived.Identifier, createdIn.Identifier, createdBefore.Identifier], issues.Select(i => i.Identifier));
        Assert.DoesNotContain(issues, i => i.Id == old.Id);
        var since = fake.Requests[0].Variables!.Value.GetProperty("since").GetString();
        Assert.Equal("2025-03-23T17:00:00.000Z", since);
    }

    [Fact]
    public async Task An_issue_is_typed_with_creator_parent_state_labels_attachments_and_instants_from_any_offset()
    {
        await using var fake = await FakeLinear.StartAsync();
        var team = fake.AddTeam("SIRA");
        var student = fake.AddUser("Abhipraya", "abhipraya@example.com");
        var parent = fake.AddIssue(team, student, i => i.CreatedAt = WindowStart.AddDays(-3));
        var child = fake.AddIssue(team, student, i =>
        {
            i.Title = "Login form";
            i.Description = "Scenario: valid login\nScenario Outline: bad passwords";
            i.CreatedAt = new DateTimeOffset(2025, 3, 25, 10, 15, 0, TimeSpan.FromHours(7));
            i.Parent = parent;
            i.State = FakeLinearState.InProgress;
            i.Estimate = 3;
            i.Priority = 2;
            i.Labels.Add(("label-1", "Feature"));
            i.Attachments.Add("https://gitlab.example.com/ppl/sira/-/merge_requests/7");
        });

        using var client = FastLinear.For(fake);
        var issue = (await client.Issues.ListChangedSinceAsync(["SIRA"], WindowStart).ToListAsync()).Single(i => i.Id == child.Id);

        Assert.Equal("SIRA-2", issue.Identifier);
        Assert.Equal(2, issue.Number);
        Assert.Equal("Login form", issue.Title);
        Assert.StartsWith("Scenario: valid login", issue.Description, StringComparison.Ordinal);
        Assert.Equal(student.Email, issue.Creator?.Email);
        Assert.Equal("SIRA-1", issue.Parent?.Identifier);
        Assert.Equal(new LinearState { Name = "In Progress", Type = "started" }, issue.State);
        Assert.Equal("SIRA", issue.Team?.Key);
        Assert.Equal(3, issue.Estimate);
        Assert.Equal(2, issue.Priority);
        Assert.Equal("Feature", Assert.Single(issue.Labels).Name);
        Assert.Equal("https://gitlab.example.com/ppl/sira/-/merge_requests/7", Assert.Single(issue.Attachments).Url);
        Assert.Equal(new DateTimeOffset(2025, 3, 25, 3, 15, 0, TimeSpan.Zero), issue.CreatedAt);
        Assert.NotNull(issue.Url);
    }

    [Fact]
    public async Task Histories_are_read_ten_issues_a_request_and_a_long_history_is_followed_to_its_end()
    {
        await using var fake = await FakeLinear.StartAsync();
        var team = fake.AddTeam("SIRA");
        var student = fake.AddUser("Abhipraya", "abhipraya@example.com");
        var issues = Enumerable.Range(0, 25).Select(_ => fake.AddIssue(team, student)).ToList();
        foreach (var issue in issues)
        {
            issue.AddHistory(new FakeLinearHistory { CreatedAt = WindowStart, Actor = student, ToState = FakeLinearState.Backlog });
        }

        var busy = issues[13];
        for (var i = 1; i < 170; i++)
        {
            busy.AddHistory(new FakeLinearHistory { CreatedAt = WindowStart.AddMinutes(i), Actor = student, FromTitle = $"t{i - 1}", ToTitle = $"t{i}" });
        }

        using var client = FastLinear.For(fake);
        var histories = await client.Issues.ListHistoriesAsync(issues.Select(i => i.Id)).ToListAsync();

        Assert.Equal(issues.Select(i => i.Id), histories.Select(h => h.IssueId));
        Assert.Equal(3, fake.Count("IssueHistoryBatch"));
        Assert.Equal(2, fake.Count("IssueHistoryPage"));
        var long_ = histories[13];
        Assert.Equal(busy.Identifier, long_.Identifier);
        Assert.Equal(170, long_.Entries.Count);
        Assert.Equal(170, long_.Entries.Select(e => e.Id).Distinct().Count());
        Assert.All(histories.Where(h => h != long_), h => Assert.Single(h.Entries));
    }

    [Fact]
    public async Task A_history_entry_carries_its_actor_or_bot_its_state_move_and_the_groomed_fields()
    {
        await using var fake = await FakeLinear.StartAsync();
        var team = fake.AddTeam("SIRA");
        var student = fake.AddUser("Abhipraya", "abhipraya@example.com");
        var parent = fake.AddIssue(team);
        var issue = fake.AddIssue(team, student);
        issue.AddHistory(new FakeLinearHistory { CreatedAt = new DateTimeOffset(2025, 3, 25, 9, 0, 0, TimeSpan.FromHours(7)), Actor = student, FromState = FakeLinearState.Todo, ToState = FakeLinearState.InProgress });
        issue.AddHistory(new FakeLinearHistory { CreatedAt = new DateTimeOffset(2025, 3, 25, 3, 0, 0, TimeSpan.Zero), Actor = student, FromEstimate = 2, ToEstimate = 3, FromPriority = 0, ToPriority = 2, UpdatedDescription = true, AddedLabelIds = ["label-1"], ToParent = parent });
        issue.AddHistory(new FakeLinearHistory { CreatedAt = new DateTimeOffset(2025, 3, 26, 0, 0, 0, TimeSpan.Zero), Bot = "GitLab", FromState = FakeLinearState.InProgress, ToState = FakeLinearState.Done });

        using var client = FastLinear.For(fake);
        var entries = (await client.Issues.ListHistoriesAsync([issue.Id]).ToListAsync()).Single().Entries;

        var bot = entries[0];
        Assert.Null(bot.Actor);
        Assert.Equal("GitLab", bot.BotActor?.Name);
        var move = entries.Single(e => e.FromState is not null && e.Actor is not null);
        Assert.Equal(student.Email, move.Actor?.Email);
        Assert.Equal(("Todo", "In Progress"), (move.FromState?.Name, move.ToState?.Name));
        Assert.Equal(new DateTimeOffset(2025, 3, 25, 2, 0, 0, TimeSpan.Zero), move.CreatedAt);
        var groomed = entries.Single(e => e.ToEstimate is not null);
        Assert.Equal((2.0, 3.0), (groomed.FromEstimate, groomed.ToEstimate));
        Assert.Equal((0.0, 2.0), (groomed.FromPriority, groomed.ToPriority));
        Assert.True(groomed.UpdatedDescription);
        Assert.Equal(["label-1"], groomed.AddedLabelIds!);
        Assert.Equal(parent.Identifier, groomed.ToParent?.Identifier);
        Assert.Null(groomed.FromParent);
    }

    [Fact]
    public async Task Issues_are_found_by_identifier_through_team_key_and_number()
    {
        await using var fake = await FakeLinear.StartAsync();
        var sira = fake.AddTeam("SIRA");
        var other = fake.AddTeam("OPS");
        var siraIssues = Enumerable.Range(0, 6).Select(_ => fake.AddIssue(sira)).ToList();
        var opsIssue = fake.AddIssue(other);

        using var client = FastLinear.For(fake);
        var found = await client.Issues.ListByIdentifiersAsync(["SIRA-2", "sira-5", "OPS-1", "SIRA-99", "SIRA-2"]).ToListAsync();

        Assert.Equal(["OPS-1", "SIRA-2", "SIRA-5"], found.Select(i => i.Identifier).Order(StringComparer.Ordinal));
        Assert.Equal(2, fake.Count("IssuesByNumber"));
        var numbers = fake.Requests.Select(r => r.Variables!.Value).Single(v => v.GetProperty("teamKey").GetString() == "SIRA").GetProperty("numbers");
        Assert.Equal([2.0, 5.0, 99.0], numbers.EnumerateArray().Select(n => n.GetDouble()));
        Assert.Contains(opsIssue.Id, found.Select(i => i.Id));
        Assert.Contains(siraIssues[1].Id, found.Select(i => i.Id));
    }

    [Fact]
    public async Task The_key_is_sent_bare_in_Authorization_without_Bearer()
    {
        await using var fake = await FakeLinear.StartAsync();

        using var client = FastLinear.For(fake);
        await client.Users.GetViewerAsync();

        Assert.Equal(FakeLinear.DefaultApiKey, Assert.Single(fake.Requests).Authorization);
    }
}
