using System.Globalization;
using System.Net;
using Reports.Http;

namespace Reports.Linear;

/// <summary>
/// Linear's side of the shared transport: <c>Authorization: &lt;key&gt;</c> (no <c>Bearer</c>), retry
/// on 429/5xx and on HTTP 400 whose errors say <c>RATELIMITED</c>, after Linear's reset headers.
/// </summary>
internal sealed class LinearApi(Uri endpoint, string apiKey) : IRemoteApi
{
    public const string RateLimited = "RATELIMITED";

    public string Name => "Linear";

    public Uri Origin { get; } = endpoint;

    public string TimeoutKey => "linear.timeout_seconds";

    public string UrlKey => "linear.url";

    public string MaxRequestsKey => "linear.max_requests";

    public IReadOnlyList<string> Secrets { get; } = [apiKey];

    public void Authorize(HttpClient http) => http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);

    /// <summary>The GraphQL endpoint is the whole address, without its user info and query.</summary>
    public string SuggestUrl(Uri location) => $"{location.Scheme}://{location.Authority}{location.AbsolutePath}";

    public async ValueTask<RetryAdvice> AdviseAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken ct)
    {
        var status = response.StatusCode;
        if (status is HttpStatusCode.TooManyRequests)
        {
            return new RetryAdvice(true, Wait(response, now), RateLimited);
        }

        if (status is HttpStatusCode.RequestTimeout || (int)status >= 500)
        {
            return new RetryAdvice(true, ServerWait.RetryAfter(response, now));
        }

        // Linear rate-limits with HTTP 400 and the code in the body.
        var errors = GraphQLError.ReadAll(await ErrorBody.TextAsync(response, ct));
        return errors.Any(e => e.Code == RateLimited)
            ? new RetryAdvice(true, Wait(response, now), RateLimited)
            : RetryAdvice.Final(errors.FirstOrDefault()?.Code);
    }

    public Exception Failure(RemoteFailure failure) =>
        new LinearException(failure.Message, failure.Status, failure.Code, failure.Endpoint, failure.Operation, failure.Said, failure.Inner);

    /// <summary>
    /// <c>Retry-After</c>, else the latest reset among the exhausted limits (requests, complexity);
    /// when no remaining count is sent, every reset counts.
    /// </summary>
    private static TimeSpan? Wait(HttpResponseMessage response, DateTimeOffset now)
    {
        if (ServerWait.RetryAfter(response, now) is { } retryAfter)
        {
            return retryAfter;
        }

        TimeSpan? wait = null;
        foreach (var limit in (string[])["Requests", "Complexity"])
        {
            if (Remaining(response, $"X-RateLimit-{limit}-Remaining") is > 0)
            {
                continue;
            }

            if (ServerWait.UntilEpoch(response, $"X-RateLimit-{limit}-Reset", now) is { } reset && (wait is null || reset > wait))
            {
                wait = reset;
            }
        }

        return wait;
    }

    private static double? Remaining(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining)
            ? remaining
            : null;
}
