namespace Reports.GitLab;

/// <summary>Tuning of <see cref="GitLabClient"/>; the defaults suit gitlab.com, tests shrink the delays.</summary>
public sealed record GitLabClientOptions
{
    /// <summary>Most requests in flight at once, and the parallelism of <see cref="GitLabClient.ForEachConcurrentAsync{TSource, TResult}"/>.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Retries after the first attempt, for 429, 5xx, network errors and attempt timeouts.</summary>
    public int MaxRetryAttempts { get; init; } = 5;

    /// <summary>First backoff delay; doubled each retry, with jitter, unless the server says how long to wait.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any single wait, including one asked for by <c>Retry-After</c> or <c>RateLimit-Reset</c>.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    public bool UseJitter { get; init; } = true;

    /// <summary>Time one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time one request may take across all its attempts and waits.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Name of the variable the token came from, for error messages only.</summary>
    public string TokenEnv { get; init; } = "GITLAB_TOKEN";

    /// <summary>"Now" for reading <c>RateLimit-Reset</c> and HTTP-date <c>Retry-After</c> values.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
