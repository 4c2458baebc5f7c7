using Reports.Config;
using Reports.GitLab;
using Reports.Linear;
using Reports.Sources;

namespace Reports.Pipeline;

/// <summary>
/// The one place sources are registered: which ones a config asks for, in the order they run.
/// A new source is one folder and one line here.
/// </summary>
internal static class SourceRegistry
{
    /// <param name="environment">Reads environment variables (tokens); the process environment by default.</param>
    /// <param name="gitLabOptions">Client tuning, for tests; defaults otherwise.</param>
    /// <param name="linearOptions">Client tuning, for tests; defaults otherwise.</param>
    public static IReadOnlyList<ISource> FromConfig(
        EvidenceConfig config,
        bool useCache,
        Func<string, string?>? environment = null,
        GitLabClientOptions? gitLabOptions = null,
        LinearClientOptions? linearOptions = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.GitLab.PlaceholderProblem() is { } placeholder)
        {
            throw new EvidenceException(placeholder);
        }

        var sources = new List<ISource>();
        try
        {
            // A team's run reads approvals too, for the team week (one request per merge request merged in the window).
            sources.Add(GitLabSource.FromConfig(
                config.GitLab,
                useCache ? new MergeRequestCache(config.CacheDirectory) : null,
                environment,
                gitLabOptions,
                config.Students,
                useCache ? new KnownUserCache(config.CacheDirectory) : null,
                readApprovals: config.IsTeam));
            if (config.Linear is { } linear)
            {
                sources.Add(LinearSource.FromConfig(linear, config.Students, useCache ? new IssueHistoryCache(config.CacheDirectory) : null, environment, linearOptions));
            }

            return sources;
        }
        catch
        {
            // A later source that cannot start (no API key) must not leak the clients already built.
            foreach (var built in sources.OfType<IDisposable>())
            {
                built.Dispose();
            }

            throw;
        }
    }
}
