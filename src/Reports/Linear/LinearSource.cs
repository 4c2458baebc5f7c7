using System.Collections.Concurrent;
using Reports.Config;
using Reports.Model;
using Reports.Sources;

namespace Reports.Linear;

/// <summary>
/// Linear as a source: finds the students' accounts, lists the issues of the configured teams
/// changed since the window started (without history), and reads the histories of those whose
/// <c>updatedAt</c> the <see cref="IssueHistoryCache"/> does not already hold, ten issues per
/// request, a few requests at a time; <see cref="LinearWindow"/> then applies a student's rules. Owns its client.
/// </summary>
internal sealed class LinearSource(LinearClient client, LinearConfig config, IReadOnlyList<StudentConfig> students, IssueHistoryCache? cache = null) : ISource, IDisposable
{
    /// <summary>History requests in flight at once: a few, as Linear's limits are per key and leak back slowly.</summary>
    public const int HistoryBatchesInFlight = 4;

    public string Name => SourceNames.Linear;

    /// <summary>A source for the configured endpoint, with the key read from <see cref="LinearConfig.ApiKeyEnv"/>.</summary>
    public static LinearSource FromConfig(
        LinearConfig config, IReadOnlyList<StudentConfig> students, IssueHistoryCache? cache, Func<string, string?>? environment = null, LinearClientOptions? options = null) =>
        new(LinearClient.FromConfig(config, environment, options), config, students, cache);

    async Task<IFetchedWindow> ISource.FetchAsync(CollectionWindow window, IProgress<CollectionProgress>? progress, CancellationToken ct) =>
        await FetchAsync(window, progress, ct);

    public async Task<LinearWindow> FetchAsync(CollectionWindow window, IProgress<CollectionProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        progress?.Report(new CollectionProgress(Name, "Linear teams and accounts", 0, 2));
        var (covered, keys) = await TeamsAsync(ct);
        progress?.Report(new CollectionProgress(Name, "Linear teams and accounts", 1, 2));
        var users = await UsersAsync(ct);
        progress?.Report(new CollectionProgress(Name, "Linear teams and accounts", 2, 2));

        var candidates = await CandidatesAsync(keys, window, progress, ct);
        var histories = await HistoriesAsync(candidates, progress, ct);
        return new LinearWindow
        {
            Instance = client.Endpoint,
            Window = window,
            Teams = covered,
            TeamKeys = keys,
            Users = users,
            Issues = [.. candidates.Select(c => new FetchedIssue(c, histories.GetValueOrDefault(c.Id) ?? []))],
            LookUp = async (identifiers, token) => await client.Issues.ListByIdentifiersAsync(identifiers, token).ToListAsync(token),
        };
    }

    public void Dispose() => client.Dispose();

    /// <summary>
    /// The configured team keys as Linear spells them (every visible team when none are configured);
    /// a key the API key cannot see is a config error that lists those it can.
    /// </summary>
    private async Task<(IReadOnlyList<string> Covered, IReadOnlyList<string> Keys)> TeamsAsync(CancellationToken ct)
    {
        var visible = (await client.Teams.ListAsync(ct).ToListAsync(ct))
            .Select(t => t.Key)
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (config.Teams.Count == 0)
        {
            return ([], visible);
        }

        var keys = new List<string>();
        foreach (var wanted in config.Teams)
        {
            var key = visible.FirstOrDefault(k => string.Equals(k, wanted, StringComparison.OrdinalIgnoreCase))
                ?? throw new EvidenceException(
                    $"linear.teams: no team with the key '{wanted}' is visible to the API key in {config.ApiKeyEnv}; " +
                    (visible.Count == 0 ? "it can see no teams" : $"it can see: {string.Join(", ", visible.Order(StringComparer.Ordinal))}"));
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        return (keys, keys);
    }

    /// <summary>Every student's account, found by <c>linear_email</c> in one request; an email no account has is an error naming the student.</summary>
    private async Task<IReadOnlyDictionary<string, LinearUser>> UsersAsync(CancellationToken ct)
    {
        var emails = students.Select(s => s.LinearEmail).OfType<string>().ToList();
        var users = emails.Count == 0 ? new Dictionary<string, LinearUser>() : await client.Users.FindByEmailsAsync(emails, ct);
        foreach (var student in students.Where(s => s.LinearEmail is not null))
        {
            if (!users.ContainsKey(student.LinearEmail!))
            {
                throw new EvidenceException(
                    $"linear_email of {student.Username}: no Linear account visible to the API key in {config.ApiKeyEnv} has the email '{student.LinearEmail}'; use the email the student signs in to Linear with");
            }
        }

        return users;
    }

    /// <summary>
    /// Issues that can matter: changed since the window started (creation counts as a change) and
    /// created before it ended, listed 50 a page without history.
    /// </summary>
    private async Task<List<LinearIssue>> CandidatesAsync(IReadOnlyList<string> keys, CollectionWindow window, IProgress<CollectionProgress>? progress, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var found = new Dictionary<string, LinearIssue>(StringComparer.Ordinal);
        progress?.Report(new CollectionProgress(Name, "listing Linear issues", 0, 0));
        await foreach (var issue in client.Issues.ListChangedSinceAsync(keys, window.Start, ct))
        {
            // A broken or shifting answer can repeat an issue: the copy with the newest updatedAt is kept.
            if (!found.TryGetValue(issue.Id, out var seen) || issue.UpdatedAt > seen.UpdatedAt)
            {
                found[issue.Id] = issue;
            }

            progress?.Report(new CollectionProgress(Name, "listing Linear issues", found.Count, found.Count));
        }

        return [.. found.Values
            .Where(i => !(i.CreatedAt is { } created && created >= window.End))
            .OrderBy(i => i.Identifier, TicketIdentifierComparer.Instance)];
    }

    /// <summary>
    /// Each candidate's whole history: from the cache when stored for its <c>updatedAt</c>, the rest
    /// read <see cref="IssueClient.HistoryBatchSize"/> issues a request, <see cref="HistoryBatchesInFlight"/> requests at a time.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<LinearHistoryEntry>>> HistoriesAsync(
        IReadOnlyList<LinearIssue> candidates, IProgress<CollectionProgress>? progress, CancellationToken ct)
    {
        var histories = new ConcurrentDictionary<string, IReadOnlyList<LinearHistoryEntry>>(StringComparer.Ordinal);
        var stale = new List<LinearIssue>();
        foreach (var issue in candidates)
        {
            if (cache is not null && issue.UpdatedAt is { } stamp && await cache.TryReadAsync(client.Endpoint, issue.Id, stamp, ct) is { } cached)
            {
                histories[issue.Id] = cached;
            }
            else
            {
                stale.Add(issue);
            }
        }

        const string stage = "Linear issue histories";
        progress?.Report(new CollectionProgress(Name, stage, 0, stale.Count));
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = HistoryBatchesInFlight, CancellationToken = ct };
        await Parallel.ForEachAsync(stale.Chunk(IssueClient.HistoryBatchSize), parallel, async (batch, token) =>
        {
            var byId = batch.ToDictionary(i => i.Id, StringComparer.Ordinal);
            await foreach (var history in client.Issues.ListHistoriesAsync(byId.Keys, token))
            {
                histories[history.IssueId] = history.Entries;
                if (cache is not null && byId.TryGetValue(history.IssueId, out var issue) && issue.UpdatedAt is { } written)
                {
                    await cache.WriteAsync(client.Endpoint, issue.Id, written, history.Entries, token);
                }
            }

            progress?.Report(new CollectionProgress(Name, stage, Interlocked.Add(ref done, batch.Length), stale.Count));
        });

        return new Dictionary<string, IReadOnlyList<LinearHistoryEntry>>(histories, StringComparer.Ordinal);
    }
}
