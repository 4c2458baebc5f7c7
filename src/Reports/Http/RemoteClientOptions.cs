namespace Reports.Http;

/// <summary>
/// Tuning shared by every remote client (GitLab, Linear). The defaults bound a request to
/// <see cref="TotalTimeout"/>: a server that accepts connections and never answers fails the
/// run within 60 s; an answer to <see cref="MaxBodyBytes"/>; a client to <see cref="MaxRequests"/>
/// requests. Tests shrink them. <c>docs/network.md</c> explains each bound.
/// </summary>
internal abstract record RemoteClientOptions
{
    /// <summary>The default <see cref="TotalTimeout"/>, and what the <c>timeout_seconds</c> config keys default to.</summary>
    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default <see cref="MaxRequests"/> and what the <c>max_requests</c> config keys default to: tens of thousands of merge requests fit.</summary>
    public const int DefaultMaxRequests = 100_000;

    /// <summary>The highest <c>max_requests</c> the config accepts.</summary>
    public const int MaxRequestsLimit = 100_000_000;

    /// <summary>The default <see cref="MaxBodyBytes"/>, 32 MiB: a page of 100 merge requests with long descriptions is well under 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 32L * 1024 * 1024;

    /// <summary>Most requests in flight at once, and the parallelism of the client's concurrent helper.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Retries after the first attempt, for rate limits, 5xx, network errors and attempt timeouts.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>First backoff delay; doubled each retry, with jitter, unless the server says how long to wait.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Cap on one backoff delay. A wait the server asks for (<c>Retry-After</c>, a rate-limit reset)
    /// is not capped: it is honoured when it fits in what is left of <see cref="TotalTimeout"/>, and
    /// fails the request at once when it does not.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    public bool UseJitter { get; init; } = true;

    /// <summary>
    /// Time one attempt may take before it is abandoned (and retried when that is safe). Null, the
    /// default, shares <see cref="TotalTimeout"/> equally among the attempts: 60 s / (3 + 1) = 15 s.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>
    /// The timeout budget: the most time one request may take across all its attempts, backoffs
    /// and waits asked for by the server, 60 s by default. Set from <c>gitlab.timeout_seconds</c>
    /// and <c>linear.timeout_seconds</c>. A server that asks for a longer wait than what is left of
    /// the budget fails the request at once, with a message naming the wait.
    /// </summary>
    public TimeSpan TotalTimeout { get; init; } = DefaultTotalTimeout;

    /// <summary>
    /// The most bytes one answer's body may have once decompressed. A larger body (a decompression
    /// bomb, a proxy streaming something else) fails the request at once, without a retry. An error
    /// answer is never refused for its size: only its first <see cref="ErrorBody.MaxBytes"/> are read.
    /// </summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Redirects followed for one request, each within the API's own origin (scheme, host and port);
    /// a redirect to another origin is never followed.
    /// </summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// The request budget: the most HTTP requests (retries and redirects included) one client sends
    /// in its life, and a run builds one client per remote. Set from <c>gitlab.max_requests</c> and
    /// <c>linear.max_requests</c>; it ends a runaway that answers quickly, which no timeout would.
    /// </summary>
    public int MaxRequests { get; init; } = DefaultMaxRequests;

    /// <summary>"Now" for reading rate-limit reset times and HTTP-date <c>Retry-After</c> values.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The default <see cref="MaxPages"/>: a million GitLab merge requests at 100 a page, half a million Linear issues at 50.</summary>
    public const int DefaultMaxPages = 10_000;

    /// <summary>
    /// Most pages one list may take: a server that keeps naming a next page past it (a looping
    /// <c>Link</c>, fresh cursors forever) fails the run instead of running unbounded. At least 1.
    /// </summary>
    public int MaxPages
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPages), value, "a list needs at least one page");
    } = DefaultMaxPages;

    /// <summary>At least 10 ms, the shortest timeout Polly accepts.</summary>
    internal TimeSpan EffectiveAttemptTimeout
    {
        get
        {
            var timeout = AttemptTimeout ?? TotalTimeout / (Math.Max(0, MaxRetryAttempts) + 1);
            return timeout < MinimumTimeout ? MinimumTimeout : timeout;
        }
    }

    private static TimeSpan MinimumTimeout => TimeSpan.FromMilliseconds(10);
}
