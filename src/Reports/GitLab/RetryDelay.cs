using System.Net;
using Reports.Http;

namespace Reports.GitLab;

/// <summary>How long GitLab asked us to wait: <c>Retry-After</c> (seconds or HTTP date), else <c>RateLimit-Reset</c> on a 429.</summary>
internal static class RetryDelay
{
    public static TimeSpan? FromHeaders(HttpResponseMessage response, DateTimeOffset now) =>
        ServerWait.RetryAfter(response, now)
        ?? (response.StatusCode == HttpStatusCode.TooManyRequests ? ServerWait.UntilEpoch(response, "RateLimit-Reset", now) : null);
}
