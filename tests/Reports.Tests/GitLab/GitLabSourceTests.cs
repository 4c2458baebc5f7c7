using Reports.Config;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Sources;
using static Reports.Tests.GitLab.CollectorScenario;

namespace Reports.Tests.GitLab;

/// <summary>
/// GitLab over HTTP against the fake server: what is requested, paging, faults, progress and the
/// wire format reaching the snapshot. The "what counts" rules are tested in memory under <c>Rules/</c>.
/// </summary>
public sealed class GitLabSourceTests
{
    [Fact]
    public async Task A_weeks_threads_summaries_replies_merges_commits_and_bot_notes_come_off_the_wire_into_the_snapshot()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest(m => m.Title = "Paging for tickets");
        var thread = mr.AddThread(s.Student, "P1: off by one in the last page", At(25, 10), new FakePosition("src/Pager.cs", 42));
        thread.Reply(s.Teammate, "fixed", At(25, 12)).Resolve(s.Teammate, At(25, 13));
        mr.AddThread(s.Teammate, "Should this be async?", At(25, 9)).Reply(s.Student, "Yes", At(25, 11));
        mr.AddNote(s.Student, "Summary\n\nPositives:\n- clear tests", At(26, 20));
        mr.AddNote(s.Bot, "SonarQube: quality gate passed", At(25, 9));
        var commit = mr.AddCommit("ABHIPRAYA@example.COM", "Fix flaky pager test", At(26, 14));
        mr.Merge(s.Student, At(27, 16), legacy: true);
        s.OwnMergeRequest(m => m.Title = "mine");

        var snapshot = await s.CollectAsync();

        var review = Assert.Single(snapshot.Reviews);
        Assert.Equal("ppl/sira-backend", review.MergeRequest.Project);
        Assert.Equal("Paging for tickets", review.MergeRequest.Title);
        Assert.Equal("alice", review.MergeRequest.Author.Username);
        Assert.EndsWith($"/ppl/sira-backend/-/merge_requests/{mr.Iid}", review.MergeRequest.WebUrl, StringComparison.Ordinal);
        var found = Assert.Single(review.Threads);
        Assert.Equal(thread.Id, found.DiscussionId);
        Assert.Equal(thread.Notes[0].Id, found.NoteId);
        Assert.Equal($"{review.MergeRequest.WebUrl}#note_{thread.Notes[0].Id}", found.Url);
        Assert.Equal(("src/Pager.cs", 42), (found.FilePath, found.Line));
        Assert.Equal((true, At(25, 13)), (found.Resolved, found.ResolvedAt));
        Assert.Equal(At(25, 10), found.CreatedAt);
        Assert.Equal("Yes", Assert.Single(review.Replies).Body);
        Assert.Equal("Summary\n\nPositives:\n- clear tests", Assert.Single(review.SummaryNotes).Body);
        var merge = Assert.Single(snapshot.Merges);
        Assert.Equal(("abhipraya", At(27, 16), "merged"), (merge.MergedBy!.Username, merge.MergedAt, merge.State));
        var contributed = Assert.Single(Assert.Single(snapshot.Contributions).Commits);
        Assert.Equal((commit.Sha, "Fix flaky pager test", At(26, 14)), (contributed.Sha, contributed.Title, contributed.AuthoredAt));
        Assert.EndsWith($"/ppl/sira-backend/-/commit/{commit.Sha}", contributed.Url, StringComparison.Ordinal);
        Assert.Equal("mine", Assert.Single(snapshot.AuthoredMergeRequests).Title);
        Assert.Equal("sirabot", Assert.Single(snapshot.Automation).Author.Username);
    }

    [Fact]
    public async Task The_fetch_covers_the_projects_by_full_path_on_the_instance_without_credentials()
    {
        await using var s = await StartAsync();
        var frontend = s.Fake.AddProject("ppl/sira-frontend");
        var config = new GitLabConfig { Url = s.Fake.BaseUrl, Projects = ["ppl/sira-backend", frontend.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
        using var source = GitLabSource.FromConfig(config, cache: null, _ => s.Fake.Token, FastClient.Options);

        var fetched = await source.FetchAsync(new CollectionWindow(Start, End));

        Assert.Equal(["ppl/sira-backend", "ppl/sira-frontend"], fetched.Projects);
        Assert.Equal(s.Fake.BaseUrl.GetLeftPart(UriPartial.Authority) + "/", fetched.Instance.AbsoluteUri);
        Assert.Equal("gitlab", ((ISource)source).Name);
    }

    [Fact]
    public async Task Projects_given_by_numeric_id_are_reported_by_their_full_path_and_several_projects_are_read()
    {
        await using var s = await StartAsync();
        var frontend = s.Fake.AddProject("ppl/sira-frontend");
        s.TeammateMergeRequest(m => m.Merge(s.Student, At(27, 16)));
        s.Fake.AddMergeRequest(frontend, s.Teammate, m =>
        {
            m.CreatedAt = At(24, 9);
            m.Merge(s.Student, At(28, 16));
        });

        var merges = (await s.CollectAsync(["ppl/sira-backend", frontend.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])).Merges;

        Assert.Equal(["ppl/sira-backend", "ppl/sira-frontend"], merges.Select(m => m.Project));
    }

    [Fact]
    public async Task More_than_twenty_threads_on_one_merge_request_are_all_found()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        for (var i = 0; i < 27; i++)
        {
            mr.AddThread(s.Student, $"P3: nit {i}", At(25, 10).AddMinutes(i));
        }

        var review = Assert.Single((await s.CollectAsync()).Reviews);

        Assert.Equal(27, review.Threads.Count);
    }

    [Fact]
    public async Task Only_merge_requests_updated_since_the_window_start_get_per_merge_request_calls()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            s.TeammateMergeRequest(m =>
            {
                m.CreatedAt = At(10, 9);
                m.UpdatedAt = At(12, 9);
            });
        }

        var active = s.TeammateMergeRequest();
        active.AddThread(s.Student, "P2: x", At(25, 9));

        await s.CollectAsync();

        var perMergeRequest = s.Fake.Requests.Where(r => r.Path.Contains("/merge_requests/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, perMergeRequest.Count);
        Assert.All(perMergeRequest, r => Assert.Contains($"/merge_requests/{active.Iid}/", r.Path, StringComparison.Ordinal));
        Assert.Contains(s.Fake.Requests, r => r.Query.Contains("updated_after=2025-03-24T00%3A00%3A00%2B07%3A00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_week_with_more_than_one_hundred_merge_requests_is_collected_completely()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 130; i++)
        {
            var mr = s.TeammateMergeRequest(m => m.CreatedAt = At(24, 9).AddMinutes(i));
            mr.AddThread(s.Student, $"P2: finding {i}", At(25, 9).AddMinutes(i));
        }

        var snapshot = await s.CollectAsync();

        Assert.Equal(130, snapshot.Reviews.Count);
        Assert.Equal(Enumerable.Range(1, 130), snapshot.Reviews.Select(r => r.MergeRequest.Iid));
    }

    [Fact]
    public async Task Faults_429_then_200_and_502_then_200_give_the_same_activity_as_a_clean_run()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest(m => m.Merge(s.Student, At(27, 16)));
        mr.AddThread(s.Student, "P1: bug", At(25, 10));
        mr.AddCommit("abhipraya@example.com", "fix", At(25, 11));
        var clean = await s.CollectAsync();

        s.Fake.Fail("/merge_requests", FakeFault.TooManyRequests(retryAfter: "0"));
        s.Fake.Fail("/discussions", FakeFault.BadGatewayHtml());
        s.Fake.Fail("/commits", FakeFault.TooManyRequests(retryAfter: null, rateLimitReset: 0));
        var faulty = await s.CollectAsync();

        Assert.Single(faulty.Reviews);
        Assert.Equal(clean.Reviews[0].Threads, faulty.Reviews[0].Threads);
        Assert.Equal(clean.Merges, faulty.Merges);
        Assert.Equal(clean.Contributions[0].Commits, faulty.Contributions[0].Commits);
    }

    [Fact]
    public async Task An_unknown_project_fails_with_the_project_named()
    {
        await using var s = await StartAsync();

        var error = await Assert.ThrowsAsync<GitLabException>(() => s.CollectAsync(["ppl/missing"]));

        Assert.Contains("project 'ppl/missing' not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the path or the token's access", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_cannot_read_commits_fails_the_collection_with_the_scope_hint()
    {
        await using var s = await StartAsync();
        s.TeammateMergeRequest().AddThread(s.Student, "P2: x", At(25, 9));
        s.Fake.Fail("/commits", FakeFault.Json(403, """{"message":"403 Forbidden"}"""));

        var error = await Assert.ThrowsAsync<GitLabException>(() => s.CollectAsync());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("read_api", error.Message, StringComparison.Ordinal);
        Assert.Contains("/commits", error.Endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_counts_every_candidate_merge_request_up_to_the_total()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 12; i++)
        {
            s.TeammateMergeRequest();
        }

        var reports = new List<CollectionProgress>();
        await s.CollectAsync(progress: new Recorder(reports));

        Assert.Contains(new CollectionProgress("gitlab", "listing ppl/sira-backend", 0, 1), reports);
        var last = reports.Where(r => r.Stage == "merge requests").MaxBy(r => r.Done);
        Assert.Equal(new CollectionProgress("gitlab", "merge requests", 12, 12), last);
    }

    [Fact]
    public async Task Cancelling_a_collection_gives_OperationCanceledException()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 30; i++)
        {
            s.TeammateMergeRequest();
        }

        s.Fake.Latency = TimeSpan.FromMilliseconds(50);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.CollectAsync(ct: cts.Token));
    }

    private sealed class Recorder(List<CollectionProgress> reports) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
