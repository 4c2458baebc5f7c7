using System.Text.Json.Nodes;
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

    /// <summary>What was put in this merge request's entry: each must be refetched, not trusted.</summary>
    public static TheoryData<string> Misplaced => new()
    {
        "another merge request's entry under this one's name",
        "another project's entry under this one's name",
        "an entry of format 99",
        "an entry without a format (written before format 2)",
    };

    [Theory]
    [MemberData(nameof(Misplaced))]
    public async Task An_entry_that_is_not_this_merge_requests_in_this_format_is_fetched_again_and_the_report_is_right(string tampered)
    {
        await using var s = await StartAsync();
        var stamp = At(26, 12);
        var mine = s.TeammateMergeRequest(m => m.UpdatedAt = stamp);
        mine.AddThread(s.Student, "P1: the one finding here", At(25, 10));
        var other = s.TeammateMergeRequest(m => m.UpdatedAt = stamp);
        for (var i = 0; i < 3; i++)
        {
            other.AddThread(s.Student, $"P2: finding {i} of the other merge request", At(25, 11));
        }

        var cache = new MergeRequestCache(_folder);
        await s.CollectAsync(cache: cache);
        var mineFile = Directory.EnumerateFiles(_folder, $"{mine.Iid}.json", SearchOption.AllDirectories).Single();
        var otherFile = Path.Combine(Path.GetDirectoryName(mineFile)!, $"{other.Iid}.json");

        // Every case carries the other merge request's threads, so an entry used as is shows in the report.
        var entry = JsonNode.Parse(File.ReadAllText(otherFile))!.AsObject();
        switch (tampered)
        {
            case "another project's entry under this one's name":
                entry["iid"] = mine.Iid;
                entry["project"] = "999";
                break;
            case "an entry of format 99":
                entry["iid"] = mine.Iid;
                entry["format"] = 99;
                break;
            case "an entry without a format (written before format 2)":
                entry = new JsonObject { ["updated_at"] = entry["updated_at"]!.DeepClone(), ["discussions"] = entry["discussions"]!.DeepClone(), ["commits"] = entry["commits"]!.DeepClone() };
                break;
        }

        File.WriteAllText(mineFile, entry.ToJsonString());
        s.Fake.ResetLog();

        var warm = await s.CollectAsync(cache: cache);

        var perMergeRequest = s.Fake.Requests.Where(r => r.Path.Contains("/merge_requests/", StringComparison.Ordinal)).Select(r => r.Path).Order();
        Assert.Equal(
            [$"/api/v4/projects/{s.Project.Id}/merge_requests/{mine.Iid}/commits", $"/api/v4/projects/{s.Project.Id}/merge_requests/{mine.Iid}/discussions"],
            perMergeRequest);
        Assert.Equal("P1: the one finding here", Assert.Single(warm.Reviews.Single(r => r.MergeRequest.Iid == mine.Iid).Threads).Body);
        Assert.Equal(3, warm.Reviews.Single(r => r.MergeRequest.Iid == other.Iid).Threads.Count);
        Assert.Equal(4, warm.Reviews.Sum(r => r.Threads.Count));

        // The refetched entry is written again in this format, so the next run is a hit.
        s.Fake.ResetLog();
        await s.CollectAsync(cache: cache);
        Assert.DoesNotContain(s.Fake.Requests, r => r.Path.Contains("/merge_requests/", StringComparison.Ordinal));
        Assert.Equal(MergeRequestCache.Format, JsonNode.Parse(File.ReadAllText(mineFile))!["format"]!.GetValue<int>());
    }
}
