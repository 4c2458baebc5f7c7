using Reports.GitLab;
using static Reports.Tests.GitLab.CollectorScenario;

namespace Reports.Tests.GitLab;

/// <summary>
/// How many requests a week with 130 merge requests costs, cold and warm. Wall time is measured
/// by the benchmark (<c>bench/Reports.Benchmarks</c>), never here.
/// </summary>
public sealed class GitLabCollectionRequestBudgetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evidence-budget-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Cold_collection_costs_two_calls_per_merge_request_and_warm_only_the_list_calls()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 130; i++)
        {
            var mr = s.TeammateMergeRequest(m => m.CreatedAt = At(24, 9).AddMinutes(i));
            mr.AddThread(s.Student, $"P2: finding {i}", At(25, 9).AddMinutes(i));
            mr.AddCommit("alice@example.com", "work", At(25, 8));
        }

        var cache = new MergeRequestCache(_folder);
        var options = FastClient.Options with { Concurrency = 8 };

        var activity = await s.CollectAsync(options: options, cache: cache);
        var coldRequests = s.Fake.Requests.Count;
        var coldInFlight = s.Fake.MaxInFlight;
        s.Fake.ResetLog();
        await s.CollectAsync(options: options, cache: cache);

        Assert.Equal(130, activity.Reviews.Count);
        Assert.Equal(1 + 2 + (130 * 2), coldRequests);
        Assert.Equal(3, s.Fake.Requests.Count);
        Assert.InRange(coldInFlight, 1, options.Concurrency);
    }
}
