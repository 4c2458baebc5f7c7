using System.Globalization;
using System.Text.Json.Nodes;
using Reports.Config;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Sources;
using static Reports.Tests.GitLab.CollectorScenario;

namespace Reports.Tests.GitLab;

/// <summary>
/// Walks over GitLab's numbered pages against the fake when the list shifts between requests or the
/// server answers badly: each merge request once, and a page named twice, a walk without end, a
/// short list or a null item is a <see cref="GitLabException"/> naming the endpoint, never a quiet end.
/// </summary>
public sealed class GitLabListWalkTests
{
    private const string MergeRequests = "/api/v4/projects/ppl%2Fsira-backend/merge_requests";

    [Fact]
    public async Task A_merge_request_pushed_onto_the_next_page_by_a_new_one_is_collected_once()
    {
        await using var s = await StartAsync();
        AddReviewed(s, 101);
        s.Fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests") && answer.Page == 1)
            {
                // Created between the two page requests, it pushes page 1's last merge request onto page 2.
                s.TeammateMergeRequest(m => m.CreatedAt = At(29, 9));
            }
        };

        var snapshot = await s.CollectAsync();

        Assert.Equal(2, s.Fake.Count(r => r.Path.EndsWith("/merge_requests", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, 101), snapshot.Reviews.Select(r => r.MergeRequest.Iid));
    }

    [Fact]
    public async Task A_merge_request_updated_between_pages_is_kept_as_its_newest_copy()
    {
        await using var s = await StartAsync();
        var reviewed = AddReviewed(s, 101);

        // Page 1 holds the 100 newest; the second oldest is its last, pushed onto page 2 by a new one.
        var boundary = reviewed[1];
        s.Fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests") && answer.Page == 1)
            {
                s.TeammateMergeRequest(m => m.CreatedAt = At(29, 9));
                boundary.Title = "Renamed between the pages";
                boundary.UpdatedAt = At(29, 10);
            }
        };

        var snapshot = await s.CollectAsync();

        var review = Assert.Single(snapshot.Reviews, r => r.MergeRequest.Iid == boundary.Iid);
        Assert.Equal("Renamed between the pages", review.MergeRequest.Title);
        Assert.Equal(101, snapshot.Reviews.Count);
    }

    [Fact]
    public async Task The_same_project_named_by_path_and_by_numeric_id_is_collected_once_where_first_named()
    {
        await using var s = await StartAsync();
        s.Fake.AddProject("ppl/sira-frontend");
        s.TeammateMergeRequest().AddThread(s.Student, "P1: off by one", At(25, 10));
        var id = s.Project.Id.ToString(CultureInfo.InvariantCulture);
        var config = new GitLabConfig { Url = s.Fake.BaseUrl, Projects = ["ppl/sira-backend", "ppl/sira-frontend", id] };
        using var source = GitLabSource.FromConfig(config, cache: null, _ => s.Fake.Token, FastClient.Options);

        var fetched = await source.FetchAsync(new CollectionWindow(Start, End));
        var snapshot = await s.CollectAsync([id, "ppl/sira-backend"]);

        Assert.Equal(["ppl/sira-backend", "ppl/sira-frontend"], fetched.Projects);
        Assert.Single(fetched.MergeRequests);
        Assert.Single(snapshot.Reviews);
        Assert.Equal(2, s.Fake.Count(r => r.Path.EndsWith("/discussions", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_next_page_that_points_back_to_a_page_already_read_fails_naming_the_endpoint_instead_of_ending_the_list(bool xNextPageOnly)
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.OmitLinkHeader = xNextPageOnly;
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 230; i++)
        {
            fake.AddMergeRequest(project);
        }

        fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests") && answer.Page == 2)
            {
                answer.Headers["X-Next-Page"] = "1";
                if (!xNextPageOnly)
                {
                    answer.Headers["Link"] = $"<{fake.BaseUrl}api/v4/projects/ppl%2Fsira-backend/merge_requests?state=all&per_page=100&page=1>; rel=\"next\"";
                }
            }
        };
        using var client = FastClient.For(fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend", new MergeRequestQuery { State = "all" }).ToListAsync());

        Assert.StartsWith($"GitLab answered GET {MergeRequests}?", error.Message, StringComparison.Ordinal);
        Assert.Contains("page=1, a page already read", error.Message, StringComparison.Ordinal);
        Assert.Contains("page=2", error.Endpoint, StringComparison.Ordinal);
        Assert.Equal(2, fake.Count(r => r.Path == MergeRequests));
    }

    [Fact]
    public async Task A_list_that_ends_with_fewer_items_than_its_X_Total_fails_naming_both_counts()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 28; i++)
        {
            fake.AddMergeRequest(project);
        }

        fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests"))
            {
                answer.Headers["X-Total"] = "135";
            }
        };
        using var client = FastClient.For(fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync());

        Assert.Contains($"GET {MergeRequests}?per_page=100 with 28 distinct items over 1 page although its first page said X-Total: 135", error.Message, StringComparison.Ordinal);
        Assert.Contains("re-run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discussions_short_of_their_X_Total_are_read_as_they_come_because_GitLab_counts_those_the_token_may_not_read()
    {
        await using var s = await StartAsync();
        s.TeammateMergeRequest().AddThread(s.Student, "P1: off by one", At(25, 10));
        s.Fake.Answering = answer =>
        {
            if (answer.IsListOf("/discussions") || answer.IsListOf("/notes"))
            {
                // GitLab pages the discussion ids, then drops the notes the token may not read (a system note about a private project).
                answer.Headers["X-Total"] = "3";
            }
        };

        var snapshot = await s.CollectAsync();
        using var client = FastClient.For(s.Fake);
        var notes = await client.Notes.ListAsync("ppl/sira-backend", 1).ToListAsync();

        Assert.Single(Assert.Single(snapshot.Reviews).Threads);
        Assert.Single(notes);
    }

    [Fact]
    public async Task A_commit_list_short_of_its_X_Total_fails_like_the_merge_request_list()
    {
        await using var s = await StartAsync();
        s.TeammateMergeRequest().AddCommit("abhipraya@example.com", "fix", At(25, 12));
        s.Fake.Answering = answer =>
        {
            if (answer.IsListOf("/commits"))
            {
                answer.Headers["X-Total"] = "2";
            }
        };

        var error = await Assert.ThrowsAsync<GitLabException>(() => s.CollectAsync());

        Assert.Contains("/commits?per_page=100 with 1 distinct items over 1 page although its first page said X-Total: 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_request_deleted_between_pages_hides_another_and_fails_the_walk()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 150; i++)
        {
            fake.AddMergeRequest(project);
        }

        fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests") && answer.Page == 1)
            {
                // The newest is gone, so page 2 starts one later: the merge request that was its first is read by no page.
                project.MergeRequests.RemoveAt(project.MergeRequests.Count - 1);
            }
        };
        using var client = FastClient.For(fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync());

        Assert.Contains("with 149 distinct items over 2 pages although its first page said X-Total: 150", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_names_a_next_page_forever_stops_at_the_page_ceiling_with_the_ceiling_named()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddMergeRequest(fake.AddProject("ppl/sira-backend"));
        fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests"))
            {
                var next = answer.Page!.Value + 1;
                answer.Headers["X-Next-Page"] = next.ToString(CultureInfo.InvariantCulture);
                answer.Headers["Link"] = $"<{fake.BaseUrl}api/v4/projects/ppl%2Fsira-backend/merge_requests?per_page=100&page={next}>; rel=\"next\"";
                answer.Headers.Remove("X-Total");
                answer.Headers.Remove("X-Total-Pages");
            }
        };
        using var client = FastClient.For(fake, FastClient.Options with { MaxPages = 5 });

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync());

        Assert.Contains("naming yet another page after 5 pages, the most one list may take (MaxPages", error.Message, StringComparison.Ordinal);
        Assert.Contains("page=5", error.Endpoint, StringComparison.Ordinal);
        Assert.Equal(5, fake.Count(r => r.Path == MergeRequests));
        Assert.Equal(10_000, new GitLabClientOptions().MaxPages);
    }

    [Fact]
    public void A_page_ceiling_below_one_is_refused_when_the_options_are_made()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FastClient.Options with { MaxPages = 0 });

        Assert.Equal("MaxPages", error.ParamName);
    }

    [Fact]
    public async Task Exactly_as_many_pages_as_the_ceiling_are_read_whole()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 300; i++)
        {
            fake.AddMergeRequest(project);
        }

        using var client = FastClient.For(fake, FastClient.Options with { MaxPages = 3 });

        Assert.Equal(300, (await client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync()).Count);
    }

    [Fact]
    public async Task A_null_merge_request_in_the_list_fails_with_its_index_and_the_endpoint()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 5; i++)
        {
            fake.AddMergeRequest(project);
        }

        fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests"))
            {
                answer.Body!.AsArray()[3] = null;
            }
        };
        using var client = FastClient.For(fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync());

        Assert.Equal($"GitLab answered GET {MergeRequests}?per_page=100 with a list whose item [3] is null: the answer cannot be used; re-run, and tell the instance's admins if it persists", error.Message);
        Assert.Equal($"{MergeRequests}?per_page=100", error.Endpoint);
    }

    [Fact]
    public async Task A_merge_request_without_an_iid_is_refused_because_every_per_merge_request_call_needs_it()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddMergeRequest(fake.AddProject("ppl/sira-backend"));
        fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests"))
            {
                answer.Body![0]!.AsObject().Remove("iid");
            }
        };
        using var client = FastClient.For(fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync());

        Assert.Contains("with a list whose item [0] has no iid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_note_in_a_discussion_fails_with_its_json_path()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        mr.AddThread(s.Student, "P1: bug", At(25, 10)).Reply(s.Teammate, "fixed", At(25, 11));
        s.Fake.Answering = answer =>
        {
            if (answer.IsListOf("/discussions"))
            {
                answer.Body![0]!["notes"]!.AsArray()[1] = null;
            }
        };

        var error = await Assert.ThrowsAsync<GitLabException>(() => s.CollectAsync());

        Assert.Contains($"/merge_requests/{mr.Iid}/discussions?per_page=100 with a list whose item [0].notes[1] is null", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iid", "\"seven\"")]
    [InlineData("title", "5")]
    [InlineData("author", "\"alice\"")]
    [InlineData("labels", "{}")]
    public async Task A_field_of_the_wrong_type_fails_as_a_bad_answer(string field, string json)
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddMergeRequest(fake.AddProject("ppl/sira-backend"));
        fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests"))
            {
                answer.Body![0]![field] = JsonNode.Parse(json);
            }
        };
        using var client = FastClient.For(fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync());

        Assert.Contains("with a body that is not the expected JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_read_as_the_number()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var mr = fake.AddMergeRequest(fake.AddProject("ppl/sira-backend"));
        fake.Answering = answer =>
        {
            if (answer.IsListOf("/merge_requests"))
            {
                answer.Body![0]!["iid"] = "1";
            }
        };
        using var client = FastClient.For(fake);

        Assert.Equal(mr.Iid, Assert.Single(await client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync()).Iid);
    }

    [Fact]
    public async Task A_discussion_a_note_and_a_commit_repeated_in_the_answer_count_once()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        mr.AddThread(s.Student, "P1: bug", At(25, 10));
        mr.AddThread(s.Teammate, "Should this be async?", At(25, 9)).Reply(s.Student, "Yes", At(25, 11));
        mr.AddCommit("abhipraya@example.com", "fix", At(25, 12));
        s.Fake.Answering = answer =>
        {
            var items = answer.Body as JsonArray;
            if (answer.IsListOf("/discussions"))
            {
                items!.Add(items[0]!.DeepClone());
                var notes = items[1]!["notes"]!.AsArray();
                notes.Add(notes[1]!.DeepClone());
            }
            else if (answer.IsListOf("/commits"))
            {
                items!.Add(items[0]!.DeepClone());
            }
        };

        var snapshot = await s.CollectAsync();

        var review = Assert.Single(snapshot.Reviews);
        Assert.Single(review.Threads);
        Assert.Equal("Yes", Assert.Single(review.Replies).Body);
        Assert.Single(Assert.Single(snapshot.Contributions).Commits);
    }

    [Fact]
    public async Task A_null_account_in_the_answer_to_a_username_look_up_is_skipped()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var student = fake.AddUser("abhipraya", "Abhipraya");
        fake.Answering = answer => (answer.Body as JsonArray)?.Insert(0, null);
        using var client = FastClient.For(fake);

        Assert.Equal(student.Id, (await client.Users.GetByUsernameAsync("abhipraya"))!.Id);
    }

    /// <summary><paramref name="count"/> teammate merge requests with a finding each, oldest first.</summary>
    private static List<FakeMergeRequest> AddReviewed(CollectorScenario s, int count)
    {
        var added = new List<FakeMergeRequest>();
        for (var i = 0; i < count; i++)
        {
            var mr = s.TeammateMergeRequest(m => m.CreatedAt = At(24, 9).AddMinutes(i));
            mr.AddThread(s.Student, $"P2: finding {i}", At(25, 9).AddMinutes(i));
            added.Add(mr);
        }

        return added;
    }
}
