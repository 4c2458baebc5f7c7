using System.Net;
using Reports.Http;

namespace Reports.GitLab;

/// <summary>GitLab's side of the shared transport: <c>PRIVATE-TOKEN</c>, 408/429/5xx worth retrying, <see cref="GitLabException"/>.</summary>
internal sealed class GitLabApi(Uri instance, string token) : IRemoteApi
{
    public string Name => "GitLab";

    public Uri Origin { get; } = instance;

    public string TimeoutKey => "gitlab.timeout_seconds";

    public string UrlKey => "gitlab.url";

    public string MaxRequestsKey => "gitlab.max_requests";

    public IReadOnlyList<string> Secrets { get; } = [token];

    public void Authorize(HttpClient http) => http.DefaultRequestHeaders.TryAddWithoutValidation("PRIVATE-TOKEN", token);

    /// <summary>The instance is what comes before <c>/api/v4</c>; a location elsewhere names only its host (never its user info).</summary>
    public string SuggestUrl(Uri location)
    {
        var path = location.AbsolutePath;
        var api = path.IndexOf("/api/v4", StringComparison.OrdinalIgnoreCase);
        return $"{location.Scheme}://{location.Authority}{(api > 0 ? path[..api] : "")}";
    }

    public ValueTask<RetryAdvice> AdviseAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken ct)
    {
        var status = response.StatusCode;
        var transient = status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;
        return ValueTask.FromResult(transient ? new RetryAdvice(true, RetryDelay.FromHeaders(response, now)) : RetryAdvice.Final());
    }

    public Exception Failure(RemoteFailure failure) =>
        new GitLabException(failure.Message, failure.Status, failure.Method, failure.Endpoint, failure.Said, failure.Inner);
}
