using Reports.Config;

namespace Reports.Linear;

/// <summary>
/// Typed client for Linear's GraphQL API, shaped like the GitLab client: one client per resource,
/// lists paged lazily. Owns one HttpClient and one resilience pipeline; build it once per run and
/// dispose it.
/// </summary>
internal sealed class LinearClient : IDisposable
{
    private readonly LinearConnection _connection;

    public LinearClient(Uri url, string apiKey, LinearClientOptions? options = null)
    {
        Options = options ?? new LinearClientOptions();
        _connection = new LinearConnection(url, apiKey, Options);
        Users = new UserClient(_connection);
        Teams = new TeamClient(_connection);
        Issues = new IssueClient(_connection);
    }

    /// <summary>A client for the configured endpoint, with the key read from <see cref="LinearConfig.ApiKeyEnv"/>.</summary>
    public static LinearClient FromConfig(LinearConfig config, Func<string, string?>? environment = null, LinearClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        environment ??= Environment.GetEnvironmentVariable;
        var key = environment(config.ApiKeyEnv);
        Secrets.Register(key);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new EvidenceException($"no Linear API key: set the environment variable {config.ApiKeyEnv} to a Linear personal API key, or remove linear: from the config");
        }

        var tuned = (options ?? new LinearClientOptions { TotalTimeout = TimeSpan.FromSeconds(config.TimeoutSeconds) }) with { ApiKeyEnv = config.ApiKeyEnv, MaxRequests = config.MaxRequests };
        return new LinearClient(config.Url, key, tuned);
    }

    public LinearClientOptions Options { get; }

    /// <summary>The GraphQL endpoint, without credentials.</summary>
    public Uri Endpoint => _connection.Endpoint;

    public UserClient Users { get; }

    public TeamClient Teams { get; }

    public IssueClient Issues { get; }

    public void Dispose() => _connection.Dispose();
}
