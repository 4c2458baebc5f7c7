namespace Reports.Config;

public sealed record LinearConfig
{
    public Uri Url { get; init; } = new("https://api.linear.app/graphql");

    /// <summary>Name of the environment variable that holds the API key.</summary>
    public string ApiKeyEnv { get; init; } = "LINEAR_API_KEY";

    /// <summary>Team keys, e.g. SIRA; empty means every team the key can see.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>A server that accepts connections and never answers fails the run within this many seconds.</summary>
    public int TimeoutSeconds { get; init; } = GitLabConfig.DefaultTimeoutSeconds;
}
