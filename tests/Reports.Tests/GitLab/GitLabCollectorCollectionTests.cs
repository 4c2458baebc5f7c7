using Reports.GitLab;
using Reports.Sources;
using Reports.Fakes;
using static Reports.Tests.GitLab.CollectorScenario;

namespace Reports.Tests.GitLab;

public sealed class GitLabCollectorCollectionTests
{
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

        var activity = await s.CollectAsync();

        Assert.Equal(130, activity.Reviews.Count);
        Assert.Equal(Enumerable.Range(1, 130), activity.Reviews.Select(r => r.MergeRequest.Iid));
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
