using System.Net;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Http;
using Reports.Linear;
using Reports.Tests.GitLab;
using Reports.Tests.Linear;

namespace Reports.Tests.Http;

/// <summary>
/// Every answer's body is read within its attempt, up to a cap on its decompressed bytes. The cap is
/// shrunk here; the real one (32 MiB) is held by <c>RemoteLimitsCommandTests</c> and measured against a
/// 3 GB bomb in <c>docs/network.md</c>.
/// </summary>
public sealed class HttpTransportBodyLimitTests : IAsyncLifetime
{
    private const long Cap = 256 * 1024;

    private FakeGitLab _fake = null!;

    private static GitLabClientOptions Options => FastClient.Options with { MaxBodyBytes = Cap };

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        _fake.AddProject("ppl/sira-backend");
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task A_gzip_answer_that_inflates_past_the_cap_fails_with_one_line_and_is_not_retried()
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.GzipBomb(64 * Cap), times: 5);
        using var client = FastClient.For(_fake, Options);

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Single(_fake.Requests);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.StartsWith("GitLab's answer to GET /api/v4/projects/ppl%2Fsira-backend is larger than the 256 KiB limit on one answer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task An_answer_of_exactly_the_cap_is_read_and_one_byte_more_is_refused()
    {
        using var raw = new HttpClient();
        raw.DefaultRequestHeaders.Add("PRIVATE-TOKEN", _fake.Token);
        var length = (await raw.GetByteArrayAsync(new Uri(_fake.BaseUrl, "api/v4/projects/ppl%2Fsira-backend"))).LongLength;
        using var exact = FastClient.For(_fake, FastClient.Options with { MaxBodyBytes = length });
        using var under = FastClient.For(_fake, FastClient.Options with { MaxBodyBytes = length - 1 });

        var project = await exact.Projects.GetAsync("ppl/sira-backend");
        var error = await Assert.ThrowsAsync<GitLabException>(() => under.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal("ppl/sira-backend", project.PathWithNamespace);
        Assert.Contains("is larger than the", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_answer_that_inflates_past_the_cap_is_read_only_in_part_and_still_retried_as_an_error()
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.GzipBomb(64 * Cap, status: 502), times: 2);
        using var client = FastClient.For(_fake, Options);

        var project = await client.Projects.GetAsync("ppl/sira-backend");

        Assert.Equal("ppl/sira-backend", project.PathWithNamespace);
        Assert.Equal([502, 502, 200], _fake.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_body_that_breaks_off_is_a_network_failure_retried_for_a_GET()
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.BrokenOff());
        using var client = FastClient.For(_fake, Options);

        var project = await client.Projects.GetAsync("ppl/sira-backend");

        Assert.Equal("ppl/sira-backend", project.PathWithNamespace);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task A_body_that_always_breaks_off_fails_as_the_remote_not_as_a_local_file()
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.BrokenOff(), times: 10);
        using var client = FastClient.For(_fake, Options with { MaxRetryAttempts = 1 });

        var error = await Assert.ThrowsAsync<GitLabException>(() => client.Projects.GetAsync("ppl/sira-backend"));

        Assert.Equal(2, _fake.Requests.Count);
        Assert.Contains("the answer broke off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Linear_answer_that_inflates_past_the_cap_fails_once()
    {
        await using var linear = await FakeLinear.StartAsync();
        linear.Fail(FakeFault.GzipBomb(64 * Cap), times: 5);
        using var client = FastLinear.For(linear, FastLinear.Options with { MaxBodyBytes = Cap });

        var error = await Assert.ThrowsAsync<LinearException>(() => client.Users.GetViewerAsync());

        Assert.Single(linear.Requests);
        Assert.StartsWith("Linear's answer to POST /graphql (Viewer) is larger than the 256 KiB limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_buffered_error_body_can_be_read_again()
    {
        _fake.Fail("/projects/ppl%2Fsira-backend", FakeFault.Json(418, """{"message":"short and stout"}"""));
        using var transport = new HttpTransport(new GitLabApi(_fake.BaseUrl, _fake.Token), Options);

        using var response = await transport.SendAsync(RemoteRequest.Get(new Uri(_fake.BaseUrl, "api/v4/projects/ppl%2Fsira-backend")), CancellationToken.None);

        Assert.Equal("short and stout", await ErrorBody.ReadAsync(response, CancellationToken.None));
        Assert.Equal("short and stout", await ErrorBody.ReadAsync(response, CancellationToken.None));
    }
}
