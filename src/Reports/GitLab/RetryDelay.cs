using System.Globalization;
using System.Net;

namespace Reports.GitLab;

/// <summary>How long the server asked us to wait: <c>Retry-After</c> (seconds or HTTP date), else <c>RateLimit-Reset</c> on a 429.</summary>
internal static class RetryDelay
{
    public static TimeSpan? FromHeaders(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return NotNegative(delta);
            }

            if (retryAfter.Date is { } date)
            {
                return NotNegative(date - now);
            }
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests
            && response.Headers.TryGetValues("RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return NotNegative(DateTimeOffset.FromUnixTimeSeconds(epoch) - now);
        }

        return null;
    }

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
