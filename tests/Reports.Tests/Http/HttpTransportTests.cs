using System.Diagnostics;
using System.Net;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Http;
using Reports.Tests.GitLab;

namespace Reports.Tests.Http;

/// <summary>The shared transport as GitLab uses it, for what the resource clients do not send yet: changes.</summary>
public sealed class HttpTransportTests
{
    [Fact]
    public async Task A_POST_that_timed_out_after_sending_is_not_retried()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var transport = Transport(fake.BaseUrl, FastClient.Options with { AttemptTimeout = TimeSpan.FromSeconds(1) });

        // A warm server and connection, so the POST surely reaches the server before its attempt times out.
        (await transport.SendAsync(RemoteRequest.Get(new Uri(fake.BaseUrl, "api/v4/users")), CancellationToken.None)).Dispose();
        fake.ResetLog();
        fake.Fail("*", FakeFault.Stalled(TimeSpan.FromSeconds(10)), times: 5);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<GitLabException>(() => transport.SendAsync(Note(fake.BaseUrl), CancellationToken.None));
        await Task.Delay(200);

        Assert.Single(fake.Requests);
        Assert.Equal("POST", fake.Requests[0].Method);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Null(error.StatusCode);
        Assert.Equal("POST", error.Method);
        Assert.Contains("did not answer POST /api/v4/projects/1/merge_requests/2/notes in time: not retried", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_POST_whose_connection_was_reset_after_it_arrived_is_not_sent_again_even_on_a_reused_connection()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var transport = Transport(fake.BaseUrl, FastClient.Options);

        // A warm, pooled connection: HttpClient's own retry of requests on reused connections must not resend the POST either.
        (await transport.SendAsync(RemoteRequest.Get(new Uri(fake.BaseUrl, "api/v4/users")), CancellationToken.None)).Dispose();
        fake.ResetLog();
        fake.Fail("*", FakeFault.ResetConnection(), times: 5, method: "POST");
        var error = await Assert.ThrowsAsync<GitLabException>(() => transport.SendAsync(Note(fake.BaseUrl), CancellationToken.None));
        await Task.Delay(200);

        Assert.Equal(["POST"], fake.Requests.Select(r => r.Method));
        Assert.Null(error.StatusCode);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(429)]
    public async Task A_POST_answered_with_an_error_is_not_sent_again(int status)
    {
        await using var fake = await FakeGitLab.StartAsync();
        var fault = status switch
        {
            429 => FakeFault.TooManyRequests(retryAfter: "0"),
            502 => FakeFault.BadGatewayHtml(),
            _ => FakeFault.ServerError(),
        };
        fake.Fail("*", fault, times: 5);

        using var transport = Transport(fake.BaseUrl, FastClient.Options);
        using var response = await transport.SendAsync(Note(fake.BaseUrl), CancellationToken.None);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_GET_answered_with_a_500_is_retried_where_a_POST_is_not()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddProject("ppl/sira-backend");
        fake.Fail("*", FakeFault.ServerError(), times: 2);

        using var transport = Transport(fake.BaseUrl, FastClient.Options);
        using var response = await transport.SendAsync(RemoteRequest.Get(new Uri(fake.BaseUrl, "api/v4/projects/ppl%2Fsira-backend")), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_POST_whose_connection_was_refused_is_retried_because_it_never_left()
    {
        Uri deadUrl;
        await using (var dead = await FakeGitLab.StartAsync())
        {
            deadUrl = dead.BaseUrl;
        }

        var counting = new CountingHandler();
        using var transport = Transport(deadUrl, FastClient.Options, counting);
        var error = await Assert.ThrowsAsync<GitLabException>(() => transport.SendAsync(Note(deadUrl), CancellationToken.None));

        Assert.Equal(1 + FastClient.Options.MaxRetryAttempts, counting.Sent);
        Assert.Contains("could not reach GitLab", error.Message, StringComparison.Ordinal);
        Assert.Contains($"after {1 + FastClient.Options.MaxRetryAttempts} attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_secret_is_redacted_from_messages_and_endpoints()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Fail("*", FakeFault.Text(400, $"echo {FakeGitLab.DefaultToken}"));

        using var transport = Transport(fake.BaseUrl, FastClient.Options);
        var request = RemoteRequest.Get(new Uri(fake.BaseUrl, $"api/v4/x?private_token=abc&q={FakeGitLab.DefaultToken}"));
        var error = (GitLabException)transport.Fail($"saw {FakeGitLab.DefaultToken}", HttpStatusCode.BadRequest, request, said: FakeGitLab.DefaultToken);

        Assert.DoesNotContain(FakeGitLab.DefaultToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitLab.DefaultToken, error.Endpoint, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.Endpoint, StringComparison.Ordinal);
        Assert.Equal("[redacted]", error.GitLabMessage);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("ample")]
    public void A_value_too_short_to_be_a_secret_is_not_masked_in_a_host_name(string dummyToken)
    {
        var instance = new Uri("https://gitlab.example.com/");
        using var transport = new HttpTransport(new GitLabApi(instance, dummyToken), FastClient.Options);
        var request = RemoteRequest.Get(new Uri(instance, "api/v4/projects/1"));

        var error = (GitLabException)transport.Fail("could not reach gitlab.example.com", HttpStatusCode.BadGateway, request);

        Assert.Contains("gitlab.example.com", error.Message, StringComparison.Ordinal);
        Assert.Equal(Secrets.Redact("gitlab.example.com"), transport.Redact("gitlab.example.com"));
    }

    private static HttpTransport Transport(Uri baseUrl, GitLabClientOptions options, HttpMessageHandler? handler = null) =>
        new(new GitLabApi(baseUrl, FakeGitLab.DefaultToken), options, handler);

    private static RemoteRequest Note(Uri baseUrl) => RemoteRequest.Change(
        HttpMethod.Post,
        new Uri(baseUrl, "api/v4/projects/1/merge_requests/2/notes"),
        () => new StringContent("""{"body":"hello"}""", System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Counts requests handed to the network, which a dead server cannot count.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
