using Reports.Fakes;
using Reports.GitLab;
using Reports.Linear;
using Reports.Tests.GitLab;
using Reports.Tests.Linear;

namespace Reports.Tests.Http;

/// <summary>A client sends at most <c>MaxRequests</c> requests in its life, retries and redirects included.</summary>
public sealed class HttpTransportRequestBudgetTests : IAsyncLifetime
{
    private FakeGitLab _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        _fake.AddProject("ppl/sira-backend");
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task A_client_stops_before_the_request_past_its_budget_with_one_line_naming_the_key()
    {
        using var client = FastClient.For(_fake, FastClient.Options with { MaxRequests = 3 });
        for (var i = 0; i < 3; i++)
        {
            await client.Projects.GetAsync("ppl/sira-backend");
        }

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal(3, _fake.Requests.Count);
        Assert.Equal(
            "stopped before GET /api/v4/projects/ppl%2Fsira-backend: this run has already sent GitLab 3 requests, the most gitlab.max_requests allows; "
            + "raise gitlab.max_requests if the course really needs more (a loop in GitLab's answers also ends here)",
            error.Message);
    }

    [Fact]
    public async Task Retries_and_redirects_count_against_the_budget()
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.ServerError(), times: 2);
        _fake.Fail("/user", FakeFault.Redirect(302, new Uri(_fake.BaseUrl, "api/v4/user")), times: 2);
        using var client = FastClient.For(_fake, FastClient.Options with { MaxRequests = 5 });

        await client.Projects.GetAsync("ppl/sira-backend");
        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Users.GetCurrentAsync());

        Assert.Equal(5, _fake.Requests.Count);
        Assert.Contains("already sent GitLab 5 requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_spent_budget_is_not_retried()
    {
        using var client = FastClient.For(_fake, FastClient.Options with { MaxRequests = 1 });
        await client.Projects.GetAsync("ppl/sira-backend");

        await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));
        await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Linear_names_its_own_key()
    {
        await using var linear = await FakeLinear.StartAsync();
        using var client = FastLinear.For(linear, FastLinear.Options with { MaxRequests = 1 });
        await client.Users.GetViewerAsync();

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.Single(linear.Requests);
        Assert.StartsWith("stopped before POST /graphql (Viewer): this run has already sent Linear 1 requests, the most linear.max_requests allows", error.Message, StringComparison.Ordinal);
    }
}
