using System.Diagnostics;
using System.Net;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Http;

namespace Reports.Tests.GitLab;

public sealed class GitLabClientTimeoutBudgetTests
{
    [Fact]
    public void The_default_attempts_fit_in_a_60_second_budget()
    {
        var options = new GitLabClientOptions();

        Assert.Equal(TimeSpan.FromSeconds(60), options.TotalTimeout);
        Assert.Equal(RemoteClientOptions.DefaultTotalTimeout, options.TotalTimeout);
        Assert.True(options.EffectiveAttemptTimeout * (options.MaxRetryAttempts + 1) <= options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), options.EffectiveAttemptTimeout);
    }

    [Fact]
    public async Task A_server_that_accepts_connections_and_never_answers_fails_within_the_budget()
    {
        await using var silent = SilentServer.Start();
        var options = FastClient.Options with { TotalTimeout = TimeSpan.FromSeconds(1), AttemptTimeout = null };

        using var client = new GitLabClient(silent.BaseUrl, FakeGitLab.DefaultToken, options);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        // The budget is 1 s; the rest is slack for a loaded machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
        Assert.Null(error.StatusCode);
        Assert.Equal(ExitCode.RemoteFailure, CommandRunner.ExitCodeOf(error));
        Assert.Contains("did not answer GET /api/v4/projects/ppl%2Fsira-backend in time", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; the timeout budget is 1 s (gitlab.timeout_seconds)", error.Message, StringComparison.Ordinal);

        // The client's second attempt may be accepted by the server after the client has given up.
        var accepted = Stopwatch.StartNew();
        while (silent.Connections < 2 && accepted.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.True(silent.Connections >= 2, $"{silent.Connections} connections: the attempts should share the budget");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_budget_fails_at_once_naming_the_wait()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.TooManyRequests(retryAfter: "300"));

        using var client = FastClient.For(fake, FastClient.Options with { TotalTimeout = TimeSpan.FromSeconds(60) });
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(fake.Requests);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("Retry later", error.GitLabMessage);
        Assert.StartsWith("GitLab asked to wait 300 s before retrying GET /api/v4/projects/ppl%2Fsira-backend; that is more than the ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" left of the 60 s timeout budget (gitlab.timeout_seconds)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_RateLimit_Reset_beyond_the_budget_also_fails_at_once()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        var reset = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        fake.Fail("*", FakeFault.TooManyRequests(retryAfter: null, rateLimitReset: reset));

        using var client = FastClient.For(fake);
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Single(fake.Requests);
        Assert.Matches(@"^GitLab asked to wait (5\d\d|600)(\.\d)? s before retrying GET ", error.Message);
        Assert.Contains("20 s timeout budget (gitlab.timeout_seconds)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_within_the_budget_is_waited_out()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.TooManyRequests(retryAfter: "1"));

        using var client = FastClient.For(fake, FastClient.Options with { TotalTimeout = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMilliseconds(10) });
        var watch = Stopwatch.StartNew();
        var project = await client.Projects.GetAsync("ppl/sira-backend");

        Assert.Equal("ppl/sira-backend", project.PathWithNamespace);
        Assert.Equal(2, fake.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}: a server's wait is not capped by MaxRetryDelay");
    }

    [Fact]
    public void A_budget_that_is_not_positive_is_refused_naming_the_config_key()
    {
        var options = new GitLabClientOptions { TotalTimeout = TimeSpan.Zero };

        var error = Assert.Throws<EvidenceException>(() => new GitLabClient(new Uri("https://gitlab.example.com"), "token", options));

        Assert.Contains("gitlab.timeout_seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_comes_from_timeout_seconds_in_the_config()
    {
        var gitlab = new Reports.Config.GitLabConfig { Url = new Uri("https://gitlab.example.com"), Projects = ["a/b"], TimeoutSeconds = 7 };
        var linear = new Reports.Config.LinearConfig { TimeoutSeconds = 9 };

        using var gitlabClient = GitLabClient.FromConfig(gitlab, _ => "glpat-budget-test");
        using var linearClient = Reports.Linear.LinearClient.FromConfig(linear, _ => "lin_api_budget_test");

        Assert.Equal(TimeSpan.FromSeconds(7), gitlabClient.Options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(9), linearClient.Options.TotalTimeout);
    }
}
