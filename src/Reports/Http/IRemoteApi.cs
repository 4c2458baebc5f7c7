namespace Reports.Http;

/// <summary>
/// What one API decides for itself on top of <see cref="HttpTransport"/>: its name in messages,
/// its config keys (address, timeout budget, request budget), its auth header, which error answers
/// are worth retrying and after how long, and the exception type its callers catch.
/// </summary>
internal interface IRemoteApi
{
    /// <summary>e.g. "GitLab", the subject of every message.</summary>
    string Name { get; }

    /// <summary>Where the API lives, without credentials, e.g. <c>https://gitlab.example.com/</c>.</summary>
    Uri Origin { get; }

    /// <summary>The config key that sets <see cref="RemoteClientOptions.TotalTimeout"/>, e.g. <c>gitlab.timeout_seconds</c>.</summary>
    string TimeoutKey { get; }

    /// <summary>The config key of the API's address, e.g. <c>gitlab.url</c>, named when a redirect is refused.</summary>
    string UrlKey { get; }

    /// <summary>The config key that sets <see cref="RemoteClientOptions.MaxRequests"/>, e.g. <c>gitlab.max_requests</c>.</summary>
    string MaxRequestsKey { get; }

    /// <summary>Secrets that must never appear in a message (the token or key).</summary>
    IReadOnlyList<string> Secrets { get; }

    void Authorize(HttpClient http);

    /// <summary>What <see cref="UrlKey"/> would be if the API lived where <paramref name="location"/> points, e.g. <c>https://host</c> for GitLab.</summary>
    string SuggestUrl(Uri location);

    /// <summary>Reads an answer that is not a success; its body (the first <see cref="ErrorBody.MaxBytes"/>) is buffered and may be read again later.</summary>
    ValueTask<RetryAdvice> AdviseAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken ct);

    Exception Failure(RemoteFailure failure);
}
