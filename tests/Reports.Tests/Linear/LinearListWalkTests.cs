using System.Globalization;
using System.Text.Json.Nodes;
using Reports.Fakes;
using Reports.Linear;
using static Reports.Tests.Linear.LinearScenario;

namespace Reports.Tests.Linear;

/// <summary>
/// Walks over Linear's connections against the fake when the server answers badly: a cursor given
/// twice, cursors without end, a next page without a cursor, null and repeated nodes. Each is a
/// <see cref="LinearException"/> naming the operation and the JSON path, or is read once, never a quiet end.
/// </summary>
public sealed class LinearListWalkTests
{
    [Fact]
    public async Task A_cursor_given_twice_fails_naming_the_operation_instead_of_ending_the_list()
    {
        await using var fake = await FakeLinear.StartAsync();
        AddIssues(fake, 120);
        string? first = null;
        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "CandidateIssues")
            {
                var info = answer.Body!["data"]!["issues"]!["pageInfo"]!;
                first ??= info["endCursor"]!.GetValue<string>();
                info["endCursor"] = first;
            }
        };
        using var client = FastLinear.For(fake);

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Issues.ListChangedSinceAsync(["SIRA"], Start).ToListAsync().AsTask());

        Assert.Equal(
            "Linear answered POST /graphql (CandidateIssues) with a data.issues.pageInfo.endCursor that an earlier page already gave; the list cannot be read to its end: re-run, and report it to Linear if it persists",
            error.Message);
        Assert.Equal(2, fake.Count("CandidateIssues"));
    }

    [Fact]
    public async Task Fresh_cursors_without_end_stop_at_the_page_ceiling_with_the_ceiling_named()
    {
        await using var fake = await FakeLinear.StartAsync();
        AddIssues(fake, 1);
        var page = 0;
        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "CandidateIssues")
            {
                page++;
                var info = new JsonObject { ["hasNextPage"] = true, ["endCursor"] = $"cursor-{page}" };
                answer.Body = new JsonObject { ["data"] = new JsonObject { ["issues"] = new JsonObject { ["nodes"] = new JsonArray(), ["pageInfo"] = info } } };
            }
        };
        using var client = FastLinear.For(fake, FastLinear.Options with { MaxPages = 4 });

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Issues.ListChangedSinceAsync(["SIRA"], Start).ToListAsync().AsTask());

        Assert.Contains("(CandidateIssues) with yet another page after 4 pages, the most one list may take (MaxPages", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, fake.Count("CandidateIssues"));
        Assert.Equal(10_000, new LinearClientOptions().MaxPages);
    }

    [Theory]
    [InlineData("""{"hasNextPage":true,"endCursor":null}""", "with data.issues.pageInfo.hasNextPage but no endCursor")]
    [InlineData("null", "without data.issues.pageInfo")]
    public async Task A_page_that_cannot_say_what_follows_fails_instead_of_ending_the_list(string pageInfo, string expected)
    {
        await using var fake = await FakeLinear.StartAsync();
        AddIssues(fake, 60);
        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "CandidateIssues")
            {
                answer.Body!["data"]!["issues"]!["pageInfo"] = JsonNode.Parse(pageInfo);
            }
        };
        using var client = FastLinear.For(fake);

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Issues.ListChangedSinceAsync(["SIRA"], Start).ToListAsync().AsTask());

        Assert.Contains($"(CandidateIssues) {expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nodes[1]", "data.issues.nodes[1] is null")]
    [InlineData("nodes[0].labels.nodes[0]", "data.issues.nodes[0].labels.nodes[0] is null")]
    [InlineData("nodes[0].attachments.nodes[0]", "data.issues.nodes[0].attachments.nodes[0] is null")]
    [InlineData("nodes", "without data.issues.nodes")]
    [InlineData("nodes[2].identifier", "data.issues.nodes[2] has no identifier")]
    [InlineData("nodes[0].id", "data.issues.nodes[0] has no id")]
    public async Task A_null_node_fails_naming_the_operation_and_its_json_path(string path, string expected)
    {
        await using var fake = await FakeLinear.StartAsync();
        foreach (var issue in AddIssues(fake, 3))
        {
            issue.Labels.Add(("label-1", "Feature"));
            issue.Attachments.Add("https://gitlab.example.com/ppl/sira/-/merge_requests/7");
        }

        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "CandidateIssues")
            {
                SetNull(answer.Body!["data"]!["issues"]!, path);
            }
        };
        using var client = FastLinear.For(fake);

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Issues.ListChangedSinceAsync(["SIRA"], Start).ToListAsync().AsTask());

        Assert.StartsWith("Linear answered POST /graphql (CandidateIssues) ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLinear.DefaultApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issue_answered_twice_in_one_history_batch_is_read_once()
    {
        await using var fake = await FakeLinear.StartAsync();
        var issues = AddIssues(fake, 3);
        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "IssueHistoryBatch")
            {
                var nodes = answer.Body!["data"]!["issues"]!["nodes"]!.AsArray();
                nodes.Add(nodes[0]!.DeepClone());
            }
        };
        using var client = FastLinear.For(fake);

        var histories = await client.Issues.ListHistoriesAsync(issues.Select(i => i.Id)).ToListAsync();

        Assert.Equal(issues.Select(i => i.Id), histories.Select(h => h.IssueId));
        Assert.All(histories, h => Assert.Single(h.Entries));
    }

    [Theory]
    [InlineData("nodes[0]", "data.issues.nodes[0] is null")]
    [InlineData("nodes[1].history.nodes[0]", "data.issues.nodes[1].history.nodes[0] is null")]
    [InlineData("nodes[2].history", "data.issues.nodes[2].history is null")]
    public async Task A_null_in_a_history_batch_fails_naming_its_json_path(string path, string expected)
    {
        await using var fake = await FakeLinear.StartAsync();
        var issues = AddIssues(fake, 3);
        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "IssueHistoryBatch")
            {
                SetNull(answer.Body!["data"]!["issues"]!, path);
            }
        };
        using var client = FastLinear.For(fake);

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Issues.ListHistoriesAsync(issues.Select(i => i.Id)).ToListAsync().AsTask());

        Assert.Contains($"(IssueHistoryBatch) but {expected}: the answer cannot be used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_history_cursor_given_twice_fails_instead_of_cutting_the_history_short()
    {
        await using var fake = await FakeLinear.StartAsync();
        var busy = AddIssues(fake, 1)[0];
        for (var i = 1; i < 170; i++)
        {
            busy.AddHistory(new FakeLinearHistory { CreatedAt = Start.AddMinutes(i), FromTitle = $"t{i - 1}", ToTitle = $"t{i}" });
        }

        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "IssueHistoryPage")
            {
                var after = answer.Request.Variables!.Value.GetProperty("after").GetString();
                answer.Body!["data"]!["issue"]!["history"]!["pageInfo"] = new JsonObject { ["hasNextPage"] = true, ["endCursor"] = after };
            }
        };
        using var client = FastLinear.For(fake);

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Issues.ListHistoriesAsync([busy.Id]).ToListAsync().AsTask());

        Assert.Contains("(IssueHistoryPage) with a data.issue.history.pageInfo.endCursor that an earlier page already gave", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, fake.Count("IssueHistoryPage"));
    }

    [Fact]
    public async Task A_history_entry_repeated_on_the_next_page_is_kept_once()
    {
        await using var fake = await FakeLinear.StartAsync();
        var busy = AddIssues(fake, 1)[0];
        for (var i = 1; i < 70; i++)
        {
            busy.AddHistory(new FakeLinearHistory { CreatedAt = Start.AddMinutes(i), FromTitle = $"t{i - 1}", ToTitle = $"t{i}" });
        }

        JsonNode? last = null;
        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "IssueHistoryBatch")
            {
                last = answer.Body!["data"]!["issues"]!["nodes"]![0]!["history"]!["nodes"]!.AsArray()[^1]!.DeepClone();
            }
            else if (answer.Request.OperationName == "IssueHistoryPage")
            {
                answer.Body!["data"]!["issue"]!["history"]!["nodes"]!.AsArray().Insert(0, last!.DeepClone());
            }
        };
        using var client = FastLinear.For(fake);

        var history = Assert.Single(await client.Issues.ListHistoriesAsync([busy.Id]).ToListAsync());

        Assert.Equal(70, history.Entries.Count);
        Assert.Equal(busy.History.OrderByDescending(h => h.CreatedAt).Select(h => h.Id), history.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task An_issue_repeated_on_the_next_page_is_collected_once_as_its_newest_copy()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 60; i++)
        {
            var issue = s.Fake.AddIssue(s.Team, s.Student, i2 => i2.CreatedAt = At(24, 9).AddMinutes(i));
            issue.AddHistory(new FakeLinearHistory { CreatedAt = issue.CreatedAt, Actor = s.Student, ToState = FakeLinearState.Backlog });
        }

        JsonNode? boundary = null;
        s.Fake.Answering = answer =>
        {
            if (answer.Request.OperationName != "CandidateIssues")
            {
                return;
            }

            var nodes = answer.Body!["data"]!["issues"]!["nodes"]!.AsArray();
            if (boundary is null)
            {
                boundary = nodes[^1]!.DeepClone();
            }
            else
            {
                // Changed after page 1 was read, and answered again at the top of page 2.
                var newer = boundary.DeepClone();
                newer["title"] = "Renamed between the pages";
                newer["updatedAt"] = "2025-03-29T10:00:00.000Z";
                nodes.Insert(0, newer);
            }
        };

        var snapshot = await s.CollectAsync();

        Assert.Equal(60, snapshot.Tickets.Count);
        var identifier = boundary!["identifier"]!.GetValue<string>();
        Assert.Equal("Renamed between the pages", Assert.Single(snapshot.Tickets, t => t.Identifier == identifier).Title);
    }

    [Fact]
    public async Task An_issue_changed_while_the_list_is_read_is_still_listed_because_the_order_is_by_creation()
    {
        await using var fake = await FakeLinear.StartAsync();
        var issues = AddIssues(fake, 60);
        var changed = issues[0];
        fake.Answering = answer =>
        {
            if (answer.Request.OperationName == "CandidateIssues" && answer.Request.Variables!.Value.GetProperty("after").ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                // Changed between the two page requests: ordered by updatedAt, it would jump ahead of the cursor and be read by no page.
                changed.UpdatedAt = Start.AddDays(2);
            }
        };
        using var client = FastLinear.For(fake);

        var listed = await client.Issues.ListChangedSinceAsync(["SIRA"], Start).ToListAsync();

        Assert.Equal(issues.Select(i => i.Id).Order(StringComparer.Ordinal), listed.Select(i => i.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_issues_answering_to_one_identifier_do_not_crash_the_look_up_of_tickets_named_by_merge_requests()
    {
        await using var s = await StartAsync();
        s.Fake.AddIssue(s.Team, s.Student, i => i.CreatedAt = At(25, 9), number: 7);
        s.Fake.AddIssue(s.Team, s.Teammate, i => i.CreatedAt = At(25, 10), number: 7);
        using var source = s.Source();
        var window = await source.FetchAsync(new Reports.Sources.CollectionWindow(Start, End));
        var snapshot = Rules.LinearWeek.NewBuilder(s.StudentConfig);
        window.ContributeTo(s.StudentConfig, snapshot);

        await window.CompleteAsync([(s.StudentConfig, snapshot)], progress: null, CancellationToken.None);

        Assert.Equal("SIRA-7", Assert.Single(snapshot.Build().Tickets).Identifier);
    }

    [Fact]
    public async Task A_null_account_in_the_answer_to_an_email_look_up_fails_naming_its_json_path()
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.AddUser("Abhipraya", "abhipraya@example.com");
        fake.Answering = answer => answer.Body!["data"]!["users"]!["nodes"]!.AsArray().Insert(0, null);
        using var client = FastLinear.For(fake);

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.FindByEmailAsync("abhipraya@example.com"));

        Assert.Contains("(UsersByEmail) but data.users.nodes[0] is null", error.Message, StringComparison.Ordinal);
    }

    private static List<FakeLinearIssue> AddIssues(FakeLinear fake, int count)
    {
        var team = fake.AddTeam("SIRA");
        var issues = new List<FakeLinearIssue>();
        for (var i = 0; i < count; i++)
        {
            var issue = fake.AddIssue(team, configure: issue => issue.CreatedAt = Start.AddMinutes(i));
            issue.AddHistory(new FakeLinearHistory { CreatedAt = issue.CreatedAt, ToState = FakeLinearState.Backlog });
            issues.Add(issue);
        }

        return issues;
    }

    /// <summary>Sets the member or element at a path such as <c>nodes[0].labels.nodes[1]</c> below <paramref name="node"/> to null.</summary>
    private static void SetNull(JsonNode node, string path)
    {
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var last = i == steps.Length - 1;
            if (step.StartsWith('['))
            {
                var index = int.Parse(step[1..^1], CultureInfo.InvariantCulture);
                if (last)
                {
                    node.AsArray()[index] = null;
                }
                else
                {
                    node = node.AsArray()[index]!;
                }
            }
            else if (last)
            {
                node[step] = null;
            }
            else
            {
                node = node[step]!;
            }
        }
    }
}
