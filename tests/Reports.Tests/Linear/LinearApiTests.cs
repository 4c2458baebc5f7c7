using System.Globalization;
using System.Net;
using System.Text;
using Reports.Linear;

namespace Reports.Tests.Linear;

/// <summary>Linear's own retry rules on top of the shared transport.</summary>
public sealed class LinearApiTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 27, 3, 0, 0, TimeSpan.Zero);

    private static readonly LinearApi Api = new(new Uri("https://api.linear.app/graphql"), "lin_api_key");

    [Fact]
    public async Task A_400_whose_errors_say_RATELIMITED_is_retried_after_the_requests_reset_in_milliseconds()
    {
        using var response = Answer(HttpStatusCode.BadRequest, """{"errors":[{"message":"Rate limit exceeded","extensions":{"code":"RATELIMITED"}}]}""");
        Header(response, "X-RateLimit-Requests-Remaining", "0");
        Header(response, "X-RateLimit-Requests-Reset", Now.AddSeconds(12).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

        var advice = await Api.AdviseAsync(response, Now, CancellationToken.None);

        Assert.True(advice.Retry);
        Assert.Equal(TimeSpan.FromSeconds(12), advice.Wait);
        Assert.Equal("RATELIMITED", advice.Code);
    }

    [Fact]
    public async Task When_complexity_ran_out_its_reset_is_the_wait()
    {
        using var response = Answer(HttpStatusCode.BadRequest, """{"errors":[{"message":"x","extensions":{"type":"ratelimited"}}]}""");
        Header(response, "X-RateLimit-Requests-Remaining", "120");
        Header(response, "X-RateLimit-Requests-Reset", Now.AddSeconds(50).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Header(response, "X-RateLimit-Complexity-Remaining", "0");
        Header(response, "X-RateLimit-Complexity-Reset", Now.AddSeconds(8).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

        var advice = await Api.AdviseAsync(response, Now, CancellationToken.None);

        Assert.True(advice.Retry);
        Assert.Equal(TimeSpan.FromSeconds(8), advice.Wait);
    }

    [Fact]
    public async Task Retry_After_wins_over_the_reset_headers()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, "");
        Header(response, "Retry-After", "3");
        Header(response, "X-RateLimit-Requests-Reset", Now.AddSeconds(50).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

        var advice = await Api.AdviseAsync(response, Now, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(3), advice.Wait);
    }

    [Theory]
    [InlineData(400, """{"errors":[{"message":"Argument Validation Error","extensions":{"code":"INPUT_ERROR"}}]}""")]
    [InlineData(401, """{"errors":[{"message":"Authentication required","extensions":{"code":"AUTHENTICATION_ERROR"}}]}""")]
    [InlineData(400, "<html><title>Bad Request</title></html>")]
    public async Task Other_refusals_are_final(int status, string body)
    {
        using var response = Answer((HttpStatusCode)status, body);

        var advice = await Api.AdviseAsync(response, Now, CancellationToken.None);

        Assert.False(advice.Retry);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_retried_with_backoff(int status)
    {
        using var response = Answer((HttpStatusCode)status, "oops");

        var advice = await Api.AdviseAsync(response, Now, CancellationToken.None);

        Assert.True(advice.Retry);
        Assert.Null(advice.Wait);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static void Header(HttpResponseMessage response, string name, string value) =>
        response.Headers.TryAddWithoutValidation(name, value);
}
