using Reports.GitLab;
using static Reports.Tests.GitLab.CollectorScenario;

namespace Reports.Tests.GitLab;

public sealed class MergeRequestCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evidence-cache-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_warm_rerun_over_unchanged_data_makes_only_the_project_and_list_calls_and_gives_the_same_facts()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            var mr = s.TeammateMergeRequest(m => m.Merge(s.Student, At(27, 16)));
            mr.AddThread(s.Student, $"P1: finding {i}", At(25, 10), new Fakes.FakePosition("src/A.cs", 3)).Resolve(s.Teammate, At(26, 10));
            mr.AddCommit("abhipraya@example.com", "fix", At(25, 11));
        }

        var cache = new MergeRequestCache(_folder);
        var cold = await s.CollectAsync(cache: cache);
        s.Fake.ResetLog();
        var warm = await s.CollectAsync(cache: cache);

        Assert.Equal(["/api/v4/projects/ppl%2Fsira-backend", $"/api/v4/projects/{s.Project.Id}/merge_requests"], s.Fake.Requests.Select(r => r.Path));
        Assert.Equal(cold.Reviews.SelectMany(r => r.Threads), warm.Reviews.SelectMany(r => r.Threads));
        Assert.Equal(cold.Merges, warm.Merges);
        Assert.Equal(cold.Contributions.SelectMany(c => c.Commits), warm.Contributions.SelectMany(c => c.Commits));
        Assert.Equal(5, warm.Reviews.Count);
    }

    [Fact]
    public async Task A_merge_request_whose_updated_at_moved_is_fetched_again_and_the_others_are_not()
    {
        await using var s = await StartAsync();
        var changed = s.TeammateMergeRequest();
        changed.AddThread(s.Student, "P2: first", At(25, 10));
        s.TeammateMergeRequest().AddThread(s.Student, "P2: other", At(25, 10));
        var cache = new MergeRequestCache(_folder);
        await s.CollectAsync(cache: cache);

        changed.AddThread(s.Student, "P1: second", At(26, 10));
        s.Fake.ResetLog();
        var warm = await s.CollectAsync(cache: cache);

        var perMergeRequest = s.Fake.Requests.Where(r => r.Path.Contains("/merge_requests/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, perMergeRequest.Count);
        Assert.All(perMergeRequest, r => Assert.Contains($"/merge_requests/{changed.Iid}/", r.Path, StringComparison.Ordinal));
        Assert.Equal(2, warm.Reviews.Single(r => r.MergeRequest.Iid == changed.Iid).Threads.Count);
    }

    [Fact]
    public async Task A_damaged_cache_entry_is_a_miss_not_a_failure()
    {
        await using var s = await StartAsync();
        s.TeammateMergeRequest().AddThread(s.Student, "P2: x", At(25, 10));
        var cache = new MergeRequestCache(_folder);
        await s.CollectAsync(cache: cache);
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json", SearchOption.AllDirectories))
        {
            await File.WriteAllTextAsync(file, "{ not json");
        }

        s.Fake.ResetLog();
        var activity = await s.CollectAsync(cache: cache);

        Assert.Single(activity.Reviews);
        Assert.Equal(4, s.Fake.Requests.Count);
    }
}
