using System.Diagnostics;
using Reports.GitLab;
using Xunit.Abstractions;
using static Reports.Tests.GitLab.CollectorScenario;

namespace Reports.Tests.GitLab;

/// <summary>
/// The benchmark as a test: a week with 130 merge requests at 50 ms latency per request,
/// cold then warm. Figures go to the test output (<c>--logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class GitLabCollectionBenchmarkTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evidence-bench-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Cold_collection_of_130_merge_requests_at_50_ms_is_within_twice_the_ideal_and_warm_makes_only_list_calls()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 130; i++)
        {
            var mr = s.TeammateMergeRequest(m => m.CreatedAt = At(24, 9).AddMinutes(i));
            mr.AddThread(s.Student, $"P2: finding {i}", At(25, 9).AddMinutes(i));
            mr.AddCommit("alice@example.com", "work", At(25, 8));
        }

        s.Fake.Latency = TimeSpan.FromMilliseconds(50);
        var cache = new MergeRequestCache(_folder);
        var options = FastClient.Options with { Concurrency = 8 };

        var cold = Stopwatch.StartNew();
        var activity = await s.CollectAsync(options: options, cache: cache);
        cold.Stop();
        var coldRequests = s.Fake.Requests.Count;
        var coldInFlight = s.Fake.MaxInFlight;
        s.Fake.ResetLog();
        var warm = Stopwatch.StartNew();
        await s.CollectAsync(options: options, cache: cache);
        warm.Stop();
        var warmRequests = s.Fake.Requests.Count;

        var ideal = TimeSpan.FromMilliseconds(50.0 * coldRequests / options.Concurrency);
        output.WriteLine($"cold: {coldRequests} requests in {cold.ElapsedMilliseconds} ms (ideal {ideal.TotalMilliseconds:0} ms, max in flight {coldInFlight})");
        output.WriteLine($"warm: {warmRequests} requests in {warm.ElapsedMilliseconds} ms");

        Assert.Equal(130, activity.Reviews.Count);
        Assert.Equal(1 + 2 + 130 * 2, coldRequests);
        Assert.Equal(3, warmRequests);
        Assert.InRange(coldInFlight, 2, options.Concurrency);
        Assert.True(cold.Elapsed < ideal * 2, $"cold took {cold.Elapsed}, ideal {ideal}");
    }
}
