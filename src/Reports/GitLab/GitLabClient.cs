using Reports.Config;

namespace Reports.GitLab;

/// <summary>
/// Typed client for GitLab REST v4, shaped like NGitLab: one client per resource, lists paged
/// lazily. Owns one HttpClient and one resilience pipeline; build it once per run and dispose it.
/// </summary>
internal sealed class GitLabClient : IDisposable
{
    private readonly GitLabConnection _connection;

    public GitLabClient(Uri baseUrl, string token, GitLabClientOptions? options = null)
    {
        Options = options ?? new GitLabClientOptions();
        _connection = new GitLabConnection(baseUrl, token, Options);
        Projects = new ProjectClient(_connection);
        MergeRequests = new MergeRequestClient(_connection);
        Users = new UserClient(_connection);
        Notes = new MergeRequestNoteClient(_connection);
    }

    /// <summary>
    /// A client for the configured instance, with the token read from <see cref="GitLabConfig.TokenEnv"/>
    /// and the concurrency and request budget from <see cref="GitLabConfig.Concurrency"/> and <see cref="GitLabConfig.MaxRequests"/>.
    /// </summary>
    /// <param name="tokenScope">The scope the token needs, for messages: <see cref="GitLabClientOptions.ReadScope"/> unless it writes.</param>
    public static GitLabClient FromConfig(
        GitLabConfig config, Func<string, string?>? environment = null, GitLabClientOptions? options = null, string tokenScope = GitLabClientOptions.ReadScope)
    {
        ArgumentNullException.ThrowIfNull(config);
        environment ??= Environment.GetEnvironmentVariable;
        var token = environment(config.TokenEnv);
        Secrets.Register(token);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new EvidenceException($"no GitLab token: set the environment variable {config.TokenEnv} to a token with the {tokenScope} scope");
        }

        // Options given by the caller (tests, benchmarks) keep their own time budget; otherwise gitlab.timeout_seconds sets it.
        var tuned = (options ?? new GitLabClientOptions { TotalTimeout = TimeSpan.FromSeconds(config.TimeoutSeconds) })
            with { Concurrency = config.Concurrency, MaxRequests = config.MaxRequests, TokenEnv = config.TokenEnv, TokenScope = tokenScope };
        return new GitLabClient(config.Url, token, tuned);
    }

    public GitLabClientOptions Options { get; }

    /// <summary>Instance base URL, without credentials.</summary>
    public Uri Instance => _connection.Instance;

    public ProjectClient Projects { get; }

    public MergeRequestClient MergeRequests { get; }

    public UserClient Users { get; }

    /// <summary>The notes of a merge request: listed, written and edited.</summary>
    public MergeRequestNoteClient Notes { get; }

    /// <summary>
    /// Runs <paramref name="body"/> for each item with at most <see cref="GitLabClientOptions.Concurrency"/>
    /// at once, for per-MR calls; results come back in source order. The first failure cancels the rest.
    /// </summary>
    public async Task<IReadOnlyList<TResult>> ForEachConcurrentAsync<TSource, TResult>(
        IEnumerable<TSource> source,
        Func<TSource, CancellationToken, ValueTask<TResult>> body,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        var items = source.ToList();
        var results = new TResult[items.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (i, token) => results[i] = await body(items[i], token));
        return results;
    }

    public void Dispose() => _connection.Dispose();
}
