using System.Diagnostics;
using System.Net;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Fakes;
using Reports.GitLab;

namespace Reports.Tests.GitLab;

public sealed class GitLabClientResilienceTests
{
    [Fact]
    public async Task A_429_with_plain_text_body_is_retried_after_the_Retry_After_wait_and_then_succeeds()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        fake.AddMergeRequest(project);
        fake.Fail("/merge_requests", FakeFault.TooManyRequests(retryAfter: "1"));

        using var client = FastClient.For(fake);
        var watch = Stopwatch.StartNew();
        var mrs = await client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync();

        Assert.Single(mrs);
        Assert.Equal(2, fake.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task A_502_with_an_HTML_body_is_retried_and_then_succeeds()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        var mr = fake.AddMergeRequest(project);
        mr.AddCommit("a@example.com", "one", FakeMergeRequest.DefaultCreatedAt);
        fake.Fail("/commits", FakeFault.BadGatewayHtml(), times: 2);

        using var client = FastClient.For(fake);
        var commits = await client.MergeRequests.ListCommitsAsync("ppl/sira-backend", mr.Iid).ToListAsync();

        Assert.Single(commits);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_failure_on_a_later_page_is_retried_without_losing_or_repeating_items()
    {
        await using var fake = await FakeGitLab.StartAsync();
        var project = fake.AddProject("ppl/sira-backend");
        for (var i = 0; i < 120; i++)
        {
            fake.AddMergeRequest(project);
        }

        using var client = FastClient.For(fake);
        var seen = new List<int>();
        await foreach (var mr in client.MergeRequests.ListAsync("ppl/sira-backend"))
        {
            if (seen.Count == 0)
            {
                fake.Fail("/merge_requests", FakeFault.ServerError());
            }

            seen.Add(mr.Iid);
        }

        Assert.Equal(120, seen.Distinct().Count());
        Assert.Equal(120, seen.Count);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Repeated_500s_exhaust_the_retries_and_give_a_GitLabException_with_status_and_GitLabs_message()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("/merge_requests", FakeFault.ServerError("database is down"), times: 10);

        using var client = FastClient.For(fake);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.MergeRequests.ListAsync("ppl/sira-backend").ToListAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("database is down", error.GitLabMessage);
        Assert.Equal("GET", error.Method);
        Assert.StartsWith("/api/v4/projects/ppl%2Fsira-backend/merge_requests?", error.Endpoint, StringComparison.Ordinal);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Contains("database is down", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCode.RemoteFailure, CommandRunner.ExitCodeOf(error));
        Assert.Equal(1 + FastClient.Options.MaxRetryAttempts, fake.Requests.Count);
    }

    [Fact]
    public async Task Rate_limiting_that_never_ends_gives_the_429_plain_text_message()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.TooManyRequests(retryAfter: "0"), times: 10);

        using var client = FastClient.For(fake);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("Retry later", error.GitLabMessage);
    }

    [Fact]
    public async Task An_attempt_that_stalls_past_the_attempt_timeout_is_abandoned_and_retried()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.Stalled(TimeSpan.FromSeconds(30)));

        // The timeout leaves the healthy second attempt room on a loaded CI machine; 300 ms did not.
        using var client = FastClient.For(fake, FastClient.Options with { AttemptTimeout = TimeSpan.FromSeconds(2) });
        var watch = Stopwatch.StartNew();
        var project = await client.Projects.GetAsync("ppl/sira-backend");

        Assert.Equal("ppl/sira-backend", project.PathWithNamespace);
        Assert.Equal(2, fake.Requests.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_request_that_keeps_stalling_ends_at_the_total_timeout_with_a_GitLabException()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.Stalled(TimeSpan.FromSeconds(10)), times: 20);

        var options = FastClient.Options with { AttemptTimeout = TimeSpan.FromMilliseconds(150), TotalTimeout = TimeSpan.FromMilliseconds(600), MaxRetryAttempts = 10 };
        using var client = FastClient.For(fake, options);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Null(error.StatusCode);
        Assert.Contains("in time", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task An_unreachable_instance_gives_a_GitLabException_without_a_status_after_retries()
    {
        Uri deadUrl;
        await using (var dead = await FakeGitLab.StartAsync())
        {
            deadUrl = dead.BaseUrl;
        }

        using var client = new GitLabClient(deadUrl, FakeGitLab.DefaultToken, FastClient.Options);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Null(error.StatusCode);
        Assert.Contains("could not reach GitLab", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.DoesNotContain(FakeGitLab.DefaultToken, error.ToString(), StringComparison.Ordinal);
    }
}
