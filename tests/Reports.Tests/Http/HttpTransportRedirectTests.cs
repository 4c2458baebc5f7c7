using System.Net;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Http;
using Reports.Linear;
using Reports.Tests.GitLab;
using Reports.Tests.Linear;

namespace Reports.Tests.Http;

/// <summary>
/// Redirects as the transport handles them, against a fake and a second real host on another port
/// (another origin) that records everything it receives.
/// </summary>
public sealed class HttpTransportRedirectTests : IAsyncLifetime
{
    private FakeGitLab _fake = null!;
    private RecordingHost _other = null!;
    private FakeMergeRequest _mr = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        _other = await RecordingHost.StartAsync();
        _mr = _fake.AddMergeRequest(_fake.AddProject("ppl/sira-backend"));
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        await _other.DisposeAsync();
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_GET_redirected_to_another_host_is_refused_once_and_that_host_hears_nothing(int status)
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.Redirect(status, _other.Url("api/v4/projects/ppl%2Fsira-backend")), times: 5);
        using var client = FastClient.For(_fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Empty(_other.Requests);
        Assert.Single(_fake.Requests);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains($"a redirect to another host ({_other.Authority})", error.Message, StringComparison.Ordinal);
        Assert.Contains($"gitlab.url must point at the API's real host, e.g. {_other.BaseUrl.AbsoluteUri.TrimEnd('/')}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_note_redirected_to_another_host_sends_it_neither_the_token_nor_the_body(int status)
    {
        _fake.Fail("/notes", FakeFault.Redirect(status, _other.Url($"api/v4/projects/{_mr.Project.Id}/merge_requests/{_mr.Iid}/notes")), method: "POST");
        using var client = FastClient.For(_fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Notes.CreateAsync("ppl/sira-backend", _mr.Iid, "secret review text"));

        Assert.Empty(_other.Requests);
        Assert.Empty(_mr.Discussions);
        Assert.Equal("POST", error.Method);
        Assert.Contains(_other.Authority, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_within_the_same_origin_is_followed_with_the_token_sent_again()
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.Redirect(301, new Uri("/api/v4/projects/ppl%2Fsira-backend?moved=1", UriKind.Relative)));
        using var client = FastClient.For(_fake);

        var project = await client.Projects.GetAsync("ppl/sira-backend");

        Assert.Equal(_mr.Project.Id, project.Id);
        Assert.Equal([301, 200], _fake.Requests.Select(r => r.Status));
        Assert.Equal("moved=1", _fake.Requests[1].Query);
    }

    [Fact]
    public async Task A_note_redirected_with_307_within_the_same_origin_is_sent_again_with_its_body_and_lands_once()
    {
        _fake.Fail("/notes", FakeFault.Redirect(307, new Uri(_fake.BaseUrl, $"api/v4/projects/{_mr.Project.Id}/merge_requests/{_mr.Iid}/notes")), method: "POST");
        using var client = FastClient.For(_fake);

        var note = await client.Notes.CreateAsync("ppl/sira-backend", _mr.Iid, "the body");

        Assert.Equal("the body", note.Body);
        Assert.Equal("the body", Assert.Single(Assert.Single(_mr.Discussions).Notes).Body);
        Assert.Equal([307, 201], _fake.Writes.Select(r => r.Status));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    public async Task A_note_redirected_within_the_same_origin_in_a_way_that_would_make_it_a_GET_is_refused(int status)
    {
        _fake.Fail("/notes", FakeFault.Redirect(status, new Uri(_fake.BaseUrl, $"api/v4/projects/{_mr.Project.Id}/merge_requests/{_mr.Iid}/notes")), method: "POST");
        using var client = FastClient.For(_fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Notes.CreateAsync("ppl/sira-backend", _mr.Iid, "the body"));

        Assert.Single(_fake.Requests);
        Assert.Empty(_mr.Discussions);
        Assert.Contains("would send it again as a GET without its body; it is not followed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_within_the_same_origin_are_followed_at_most_five_times()
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.Redirect(302, new Uri(_fake.BaseUrl, "api/v4/projects/ppl%2Fsira-backend")), times: 20);
        using var client = FastClient.For(_fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal(6, _fake.Requests.Count);
        Assert.Contains("redirected GET /api/v4/projects/ppl%2Fsira-backend more than 5 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_redirect_names_the_host_but_never_the_user_info_or_query_of_its_location()
    {
        var location = new UriBuilder(_other.Url("api/v4/user")) { UserName = "sso", Password = "hunter2", Query = "ticket=ST-secret" }.Uri;
        _fake.Fail("/user", FakeFault.Redirect(302, location));
        using var client = FastClient.For(_fake);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Users.GetCurrentAsync());

        Assert.Contains($"({_other.Authority})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ST-secret", error.Message, StringComparison.Ordinal);
        Assert.Empty(_other.Requests);
    }

    [Fact]
    public async Task The_same_host_on_another_port_is_another_origin()
    {
        var samePortless = new UriBuilder(_other.BaseUrl) { Host = _fake.BaseUrl.Host }.Uri;
        _fake.Fail("/user", FakeFault.Redirect(302, new Uri(samePortless, "api/v4/user")));
        using var client = FastClient.For(_fake);

        await Assert.ThrowsAsync<GitLabException>(() => client.Users.GetCurrentAsync());

        Assert.Equal(_fake.BaseUrl.Host, samePortless.Host);
        Assert.Empty(_other.Requests);
    }

    [Fact]
    public async Task A_handler_given_by_the_caller_does_not_follow_redirects_either()
    {
        _fake.Fail("/user", FakeFault.Redirect(302, _other.Url("api/v4/user")));
        using var transport = new HttpTransport(new GitLabApi(_fake.BaseUrl, FakeGitLab.DefaultToken), FastClient.Options, new SocketsHttpHandler());

        await Assert.ThrowsAsync<GitLabException>(() => transport.SendAsync(RemoteRequest.Get(new Uri(_fake.BaseUrl, "api/v4/user")), CancellationToken.None));

        Assert.Empty(_other.Requests);
    }

    [Fact]
    public async Task An_answer_that_a_custom_handler_fetched_from_another_host_is_not_used()
    {
        _fake.Fail("/user", FakeFault.Redirect(302, _other.Url("api/v4/user")));
        using var transport = new HttpTransport(new GitLabApi(_fake.BaseUrl, FakeGitLab.DefaultToken), FastClient.Options, new FollowingHandler());

        var error = await Assert.ThrowsAsync<GitLabException>(() => transport.SendAsync(RemoteRequest.Get(new Uri(_fake.BaseUrl, "api/v4/user")), CancellationToken.None));

        Assert.Contains($"came from another host ({_other.Authority}) after a redirect the HTTP handler followed; it is not used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Linear_query_redirected_to_another_host_sends_it_neither_the_key_nor_the_query()
    {
        await using var linear = await FakeLinear.StartAsync();
        linear.Fail(FakeFault.Redirect(307, _other.Url("graphql")), times: 5);
        using var client = FastLinear.For(linear);

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.Empty(_other.Requests);
        Assert.Single(linear.Requests);
        Assert.Contains($"linear.url must point at the API's real host, e.g. {_other.Url("graphql").AbsoluteUri}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Linear_query_moved_within_the_same_origin_with_301_is_refused_rather_than_sent_as_a_GET()
    {
        await using var linear = await FakeLinear.StartAsync();
        linear.Fail(FakeFault.Redirect(301, new Uri(linear.Url, "/graphql/v2")));
        using var client = FastLinear.For(linear);

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.Single(linear.Requests);
        Assert.Contains($"linear.url must be the API's real address, e.g. {new Uri(linear.Url, "/graphql/v2").AbsoluteUri}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Follows one redirect itself, wherever it points, as a careless handler would.</summary>
    private sealed class FollowingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.Location is not { } location)
            {
                return response;
            }

            response.Dispose();
            request.RequestUri = location;
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
