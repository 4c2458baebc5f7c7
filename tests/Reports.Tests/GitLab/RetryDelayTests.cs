using System.Net;
using Reports.GitLab;

namespace Reports.Tests.GitLab;

public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 27, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Retry_After_in_seconds_is_the_wait()
    {
        using var response = TooMany();
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelay.FromHeaders(response, Now));
    }

    [Fact]
    public void Retry_After_as_an_HTTP_date_waits_until_that_date()
    {
        using var response = TooMany();
        response.Headers.TryAddWithoutValidation("Retry-After", Now.AddSeconds(12).ToString("R"));

        Assert.Equal(TimeSpan.FromSeconds(12), RetryDelay.FromHeaders(response, Now));
    }

    [Fact]
    public void Without_Retry_After_a_429_waits_until_RateLimit_Reset()
    {
        using var response = TooMany();
        response.Headers.TryAddWithoutValidation("RateLimit-Reset", Now.AddSeconds(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelay.FromHeaders(response, Now));
    }

    [Fact]
    public void A_reset_time_in_the_past_means_no_wait_and_no_header_means_backoff_decides()
    {
        using var past = TooMany();
        past.Headers.TryAddWithoutValidation("RateLimit-Reset", Now.AddSeconds(-30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var bare = TooMany();

        Assert.Equal(TimeSpan.Zero, RetryDelay.FromHeaders(past, Now));
        Assert.Null(RetryDelay.FromHeaders(bare, Now));
    }

    [Fact]
    public void RateLimit_Reset_is_ignored_on_a_5xx()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);
        response.Headers.TryAddWithoutValidation("RateLimit-Reset", Now.AddSeconds(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Null(RetryDelay.FromHeaders(response, Now));
    }

    private static HttpResponseMessage TooMany() => new(HttpStatusCode.TooManyRequests);
}
