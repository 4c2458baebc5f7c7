namespace Reports.Config;

/// <summary><c>linear:</c> in <c>evidence.yml</c>; without it, the report says Linear was not configured.</summary>
internal sealed record LinearConfig
{
    public Uri Url { get; init; } = new(ConfigSchema.Linear.DefaultUrl);

    /// <summary>Name of the environment variable that holds the API key.</summary>
    public string ApiKeyEnv { get; init; } = ConfigSchema.Linear.DefaultApiKeyEnv;

    /// <summary>Team keys, e.g. SIRA; empty means every team the key can see.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>A server that accepts connections and never answers fails the run within this many seconds.</summary>
    public int TimeoutSeconds { get; init; } = ConfigSchema.Linear.DefaultTimeoutSeconds;

    /// <summary>A run that would send Linear more requests than this stops with exit code 2.</summary>
    public int MaxRequests { get; init; } = ConfigSchema.Linear.DefaultMaxRequests;

    internal static LinearConfig Read(ConfigReader reader, YamlSection linear)
    {
        var (urlKey, teamsKey) = (ConfigSchema.Linear.Url, ConfigSchema.Linear.Teams);
        var teams = reader.StringList(linear, teamsKey);
        if (reader.Purpose == ConfigPurpose.Notify && teams.Count == 0)
        {
            // notify links only identifiers of known team keys, so "every team" cannot stand in.
            throw ConfigReader.Get(linear, teamsKey) is null
                ? reader.MissingKey(linear, teamsKey)
                : reader.Error(linear.Node(teamsKey), $"{linear.KeyPath(teamsKey)} is empty; evidence notify needs the team keys whose identifiers link tickets, e.g. {teamsKey.Example}");
        }

        return new LinearConfig
        {
            Url = ConfigReader.Get(linear, urlKey) is null ? new Uri(urlKey.Default!) : reader.RequiredUrl(linear, urlKey, linear.KeyPath(ConfigSchema.Linear.ApiKeyEnv)),
            ApiKeyEnv = reader.EnvNameOrDefault(linear, ConfigSchema.Linear.ApiKeyEnv, "API key"),
            Teams = teams,
            TimeoutSeconds = reader.IntOrDefault(linear, ConfigSchema.Linear.TimeoutSeconds, "a number of seconds from 5 to 3600"),
            MaxRequests = reader.IntOrDefault(linear, ConfigSchema.Linear.MaxRequests),
        };
    }
}
