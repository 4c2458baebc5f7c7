using System.Diagnostics;
using Reports.GitLab;
using Reports.Fakes;

namespace Reports.Tests.GitLab;

public sealed class GitLabClientConcurrencyTests
{
    [Fact]
    public async Task Per_merge_request_calls_never_exceed_the_concurrency_limit_but_do_run_in_parallel()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var mrs = Enumerable.Range(0, 24).Select(_ => fake.AddMergeRequest(project)).ToList();
        fake.Latency = TimeSpan.FromMilliseconds(40);

        using var client = FastClient.For(fake, FastClient.Options with { Concurrency = 3 });
        var counts = await client.ForEachConcurrentAsync(
            mrs.Select(m => m.Iid),
            async (iid, ct) => (await client.MergeRequests.ListDiscussionsAsync("ppl/sira-backend", iid, ct).ToListAsync(ct)).Count,
            CancellationToken.None);

        Assert.Equal(24, counts.Count);
        Assert.Equal(24, fake.Requests.Count);
        Assert.InRange(fake.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task Requests_started_all_at_once_outside_the_helper_are_still_capped()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Latency = TimeSpan.FromMilliseconds(40);

        using var client = FastClient.For(fake, FastClient.Options with { Concurrency = 4 });
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Projects.GetAsync("ppl/sira-backend")));

        Assert.Equal(20, fake.Requests.Count);
        Assert.InRange(fake.MaxInFlight, 2, 4);
    }

    [Fact]
    public async Task Results_of_the_concurrent_helper_come_back_in_source_order()
    {
        // The helper sends nothing itself, so no server is needed: the client is never asked to connect.
        using var client = new GitLabClient(new Uri("http://127.0.0.1:9/"), FakeGitLab.DefaultToken, FastClient.Options);

        var results = await client.ForEachConcurrentAsync(
            Enumerable.Range(0, 50),
            async (i, ct) =>
            {
                await Task.Delay((50 - i) % 7, ct);
                return i * 2;
            });

        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * 2), results);
    }

    [Fact]
    public async Task Cancelling_stops_paging_with_OperationCanceledException_not_a_GitLabException()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 250; i++)
        {
            fake.AddMergeRequest(project);
        }

        using var client = FastClient.For(fake);
        using var cts = new CancellationTokenSource();
        var read = 0;
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var mr in client.MergeRequests.ListAsync("ppl/sira-backend", ct: cts.Token))
            {
                read++;
                if (read == 100)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(100, read);
        Assert.Single(fake.Requests);
        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Cancelling_during_a_long_retry_wait_returns_promptly()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.TooManyRequests(retryAfter: "30"));

        // The 30 s wait must fit in the budget, or the client would fail at once instead of waiting.
        using var client = FastClient.For(fake, FastClient.Options with { TotalTimeout = TimeSpan.FromSeconds(60) });
        using var cts = new CancellationTokenSource();
        var call = client.Projects.GetAsync("ppl/sira-backend", cts.Token);

        // Cancelled once the 429 is answered, however slowly the machine got there.
        Assert.True(SpinWait.SpinUntil(() => fake.Requests is [{ Status: 429 }], TimeSpan.FromSeconds(20)), "the 429 was never answered");
        var watch = Stopwatch.StartNew();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Cancelling_as_a_rate_limited_answer_arrives_is_a_cancellation_not_the_429()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.TooManyRequests(retryAfter: "1"));
        using var cts = new CancellationTokenSource();

        // The clock is read while the 429 is weighed for a retry: the caller cancels right then.
        var options = FastClient.Options with { TimeProvider = new CancelsWhenRead(cts) };
        using var client = FastClient.For(fake, options);

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Projects.GetAsync("ppl/sira-backend", cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Cancelling_the_concurrent_helper_cancels_the_calls_in_flight()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var mrs = Enumerable.Range(0, 40).Select(_ => fake.AddMergeRequest(project)).ToList();
        fake.Latency = TimeSpan.FromMilliseconds(100);

        using var client = FastClient.For(fake, FastClient.Options with { Concurrency = 4 });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ForEachConcurrentAsync(
            mrs,
            async (mr, ct) => await client.MergeRequests.GetApprovalsAsync("ppl/sira-backend", mr.Iid, ct),
            cts.Token));

        Assert.True(fake.Requests.Count < 40, $"{fake.Requests.Count} requests were made");
    }

    private sealed class CancelsWhenRead(CancellationTokenSource cts) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            cts.Cancel();
            return base.GetUtcNow();
        }
    }
}
