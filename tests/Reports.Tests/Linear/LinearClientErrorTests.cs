using System.Diagnostics;
using System.Net;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Config;
using Reports.Fakes;
using Reports.Linear;

namespace Reports.Tests.Linear;

public sealed class LinearClientErrorTests
{
    [Fact]
    public async Task An_invalid_key_gives_a_401_AUTHENTICATION_ERROR_naming_the_env_var_without_the_key()
    {
        await using var fake = await FakeLinear.StartAsync();
        const string wrongKey = "lin_api_WRONG_but_still_secret";
        var config = new LinearConfig { Url = fake.Url, ApiKeyEnv = "SIRA_LINEAR_KEY" };

        using var client = LinearClient.FromConfig(config, name => name == "SIRA_LINEAR_KEY" ? wrongKey : null, FastLinear.Options);
        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("AUTHENTICATION_ERROR", error.Code);
        Assert.Equal(ExitCode.RemoteFailure, CommandRunner.ExitCodeOf(error));
        Assert.Equal("Viewer", error.Operation);
        Assert.Equal("/graphql", error.Endpoint);
        Assert.Contains("SIRA_LINEAR_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /graphql (Viewer)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(wrongKey, error.ToString(), StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public void A_missing_key_variable_is_a_config_error_naming_the_variable()
    {
        var config = new LinearConfig { ApiKeyEnv = "MY_LINEAR_KEY" };

        var error = Assert.Throws<EvidenceException>(() => LinearClient.FromConfig(config, _ => null));

        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(error));
        Assert.Contains("MY_LINEAR_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RATELIMITED_as_HTTP_400_is_retried_after_the_reset_header_and_the_data_is_complete()
    {
        await using var fake = await FakeLinear.StartAsync();
        var team = fake.AddTeam("SIRA");
        for (var i = 0; i < 60; i++)
        {
            fake.AddIssue(team);
        }

        using var client = FastLinear.For(fake);
        var watch = Stopwatch.StartNew();
        var issues = new List<LinearIssue>();
        await foreach (var issue in client.Issues.ListChangedSinceAsync(["SIRA"], DateTimeOffset.UnixEpoch))
        {
            if (issues.Count == 0)
            {
                fake.Fail(FakeFault.LinearRateLimited(TimeSpan.FromSeconds(1)), operation: "CandidateIssues");
            }

            issues.Add(issue);
        }

        Assert.Equal(60, issues.Select(i => i.Id).Distinct().Count());
        Assert.Equal(3, fake.Count("CandidateIssues"));
        Assert.Equal([200, 400, 200], fake.Requests.Select(r => r.Status));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(700), $"waited only {watch.Elapsed}: the reset header was not honoured");
    }

    [Fact]
    public async Task RATELIMITED_as_HTTP_429_is_retried_too()
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.Fail(FakeFault.LinearRateLimited(TimeSpan.Zero, status: 429), times: 2);

        using var client = FastLinear.For(fake);
        var viewer = await client.Users.GetViewerAsync();

        Assert.Equal(fake.Viewer.Id, viewer.Id);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task RATELIMITED_that_never_ends_gives_a_LinearException_with_code_and_status()
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.Fail(FakeFault.LinearRateLimited(TimeSpan.Zero), times: 10);

        using var client = FastLinear.For(fake);
        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("RATELIMITED", error.Code);
        Assert.Equal(1 + FastLinear.Options.MaxRetryAttempts, fake.Requests.Count);
        Assert.Contains("rate-limiting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_beyond_the_budget_fails_at_once_naming_the_wait_and_the_config_key()
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.Fail(FakeFault.LinearRateLimited(TimeSpan.FromMinutes(5)));

        using var client = FastLinear.For(fake);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(fake.Requests);
        Assert.Equal("RATELIMITED", error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Matches(@"^Linear asked to wait (2\d\d|300)(\.\d)? s before retrying POST /graphql \(Viewer\); that is more than the .* left of the 20 s timeout budget \(linear.timeout_seconds\)$", error.Message);
    }

    [Fact]
    public async Task A_5xx_is_retried_because_a_query_changes_nothing()
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.Fail(FakeFault.ServerError("upstream timeout"), times: 2);

        using var client = FastLinear.For(fake);
        var viewer = await client.Users.GetViewerAsync();

        Assert.Equal(fake.Viewer.Id, viewer.Id);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task An_unknown_issue_is_Entity_not_found_with_INPUT_ERROR_and_is_not_retried()
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.AddTeam("SIRA");

        using var connection = new LinearConnection(fake.Url, FakeLinear.DefaultApiKey, FastLinear.Options);
        var variables = new Dictionary<string, object?> { ["id"] = "SIRA-404", ["after"] = null };
        var error = await Assert.ThrowsAsync<LinearException>(() => connection.QueryAsync<IssueHistoryNode>(LinearQueries.IssueHistoryPage, variables, "issue", CancellationToken.None));

        Assert.Equal("INPUT_ERROR", error.Code);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("Could not find referenced Issue.", error.LinearMessage);
        Assert.Contains("INPUT_ERROR", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_query_the_schema_refuses_gives_GRAPHQL_VALIDATION_FAILED_with_status_400()
    {
        await using var fake = await FakeLinear.StartAsync();

        using var connection = new LinearConnection(fake.Url, FakeLinear.DefaultApiKey, FastLinear.Options);
        var wrong = new LinearOperation("Wrong", "query Wrong { viewer { id shoeSize } }");
        var error = await Assert.ThrowsAsync<LinearException>(() => connection.QueryAsync<LinearUser>(wrong, new Dictionary<string, object?>(), "viewer", CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Code);
        Assert.Contains("shoeSize", error.LinearMessage, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_query_over_the_complexity_limit_is_refused_like_Linear_does()
    {
        await using var fake = await FakeLinear.StartAsync();

        using var connection = new LinearConnection(fake.Url, FakeLinear.DefaultApiKey, FastLinear.Options);
        var document = LinearQueries.IssueHistoryBatch.Document.Replace("issues(first: 10,", "issues(first: 50,", StringComparison.Ordinal);
        var tooComplex = new LinearOperation("IssueHistoryBatch", document);
        var error = await Assert.ThrowsAsync<LinearException>(() => connection.QueryAsync<LinearPage<IssueHistoryNode>>(
            tooComplex, new Dictionary<string, object?> { ["ids"] = new[] { "a" } }, "issues", CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("too complex", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task The_key_appears_in_no_exception_even_when_a_body_echoes_it(int status)
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.Fail(FakeFault.Text(status, $"bad key {FakeLinear.DefaultApiKey} in Authorization"), times: 10);

        using var client = FastLinear.For(fake);
        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.DoesNotContain(FakeLinear.DefaultApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLinear.DefaultApiKey, error.LinearMessage ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_endpoint_fails_within_the_budget_naming_linear_timeout_seconds()
    {
        await using var silent = SilentServer.Start();
        var options = FastLinear.Options with { TotalTimeout = TimeSpan.FromSeconds(1), AttemptTimeout = null };

        using var client = new LinearClient(new Uri(silent.BaseUrl, "graphql"), FakeLinear.DefaultApiKey, options);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Null(error.StatusCode);
        Assert.Contains("did not answer POST /graphql (Viewer) in time", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(linear.timeout_seconds)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_query_returns_promptly()
    {
        await using var fake = await FakeLinear.StartAsync();
        fake.Latency = TimeSpan.FromSeconds(10);

        using var client = FastLinear.For(fake);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Users.GetViewerAsync(cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }
}
