namespace Reports.Config;

public sealed record GitLabConfig
{
    public const int DefaultConcurrency = 8;

    public const string DefaultTokenEnv = "GITLAB_TOKEN";

    /// <summary>How long a request may take across all its attempts and waits before the run fails.</summary>
    public const int DefaultTimeoutSeconds = 60;

    /// <summary>Instance base URL; the API is at <c>{url}/api/v4</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>Full project paths (<c>ppl/sira-backend</c>) or numeric ids, as written.</summary>
    public required IReadOnlyList<string> Projects { get; init; }

    /// <summary>Name of the environment variable that holds the token.</summary>
    public string TokenEnv { get; init; } = DefaultTokenEnv;

    /// <summary>Accounts whose notes are automation, not review.</summary>
    public IReadOnlyList<string> Bots { get; init; } = [];

    /// <summary>How many per-merge-request requests may run at once.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>A server that accepts connections and never answers fails the run within this many seconds.</summary>
    public int TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;
}
