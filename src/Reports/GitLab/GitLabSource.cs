using Reports.Config;
using Reports.Model;
using Reports.Sources;

namespace Reports.GitLab;

/// <summary>
/// GitLab as a source: lists the window's merge requests over the configured projects and reads
/// each one's discussions and commits, for nobody in particular; <see cref="GitLabWindow"/> then
/// applies a student's rules. With a <see cref="MergeRequestCache"/>, unchanged merge requests cost
/// no per-MR requests. With <paramref name="readApprovals"/> (a team's run), each merge request merged in
/// the window costs one more request, for its approvers, cached with the rest. Before the first window it
/// checks that GitLab knows every student's username (<see cref="StudentAccounts"/>), since a typo would
/// otherwise give a confident, wrong report. Owns its client.
/// </summary>
internal sealed class GitLabSource(
    GitLabClient client,
    GitLabConfig config,
    MergeRequestCache? cache = null,
    IReadOnlyList<StudentConfig>? students = null,
    KnownUserCache? users = null,
    bool readApprovals = false)
    : ISource, IDisposable
{
    private readonly StudentAccounts _accounts = new(client, config.Projects, users);
    private bool _studentsChecked;

    public string Name => SourceNames.GitLab;

    /// <summary>A source for the configured instance, with the token read from <see cref="GitLabConfig.TokenEnv"/>.</summary>
    /// <param name="students">Whose usernames to check before the first window; none by default.</param>
    /// <param name="users">Where accounts found are kept between runs; none by default.</param>
    public static GitLabSource FromConfig(
        GitLabConfig config,
        MergeRequestCache? cache,
        Func<string, string?>? environment = null,
        GitLabClientOptions? options = null,
        IReadOnlyList<StudentConfig>? students = null,
        KnownUserCache? users = null,
        bool readApprovals = false) =>
        new(GitLabClient.FromConfig(config, environment, options), config, cache, students, users, readApprovals);

    async Task<IFetchedWindow> ISource.FetchAsync(CollectionWindow window, IProgress<CollectionProgress>? progress, CancellationToken ct) =>
        await FetchAsync(window, progress, ct);

    public async Task<GitLabWindow> FetchAsync(CollectionWindow window, IProgress<CollectionProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!_studentsChecked)
        {
            await _accounts.CheckAsync(students ?? [], ct);
            _studentsChecked = true;
        }

        var projects = new List<string>();
        var ids = new HashSet<long>();
        var candidates = new List<Candidate>();
        var listed = new List<(string Path, string Key, DateTimeOffset? Newest)>();
        for (var i = 0; i < config.Projects.Count; i++)
        {
            progress?.Report(new CollectionProgress(Name, $"listing {config.Projects[i]}", i, config.Projects.Count));
            var project = await client.Projects.GetAsync(config.Projects[i], ct);

            // The same project named twice (ppl/sira and 77) is read once, where it is first named.
            if (project.Id > 0 && !ids.Add(project.Id))
            {
                continue;
            }

            var (path, found, newest) = await CandidatesAsync(config.Projects[i], project, window, ct);
            projects.Add(path);
            candidates.AddRange(found);
            listed.Add((path, KeyOf(config.Projects[i], project), newest));
        }

        var done = 0;
        progress?.Report(new CollectionProgress(Name, "merge requests", 0, candidates.Count));
        var fetched = await client.ForEachConcurrentAsync(
            candidates,
            async (candidate, token) =>
            {
                var result = await FetchAsync(candidate, readApprovals && window.Contains(candidate.Raw.MergedAt), token);
                progress?.Report(new CollectionProgress(Name, "merge requests", Interlocked.Increment(ref done), candidates.Count));
                return result;
            },
            ct);
        return new GitLabWindow
        {
            Instance = client.Instance,
            Window = window,
            Projects = projects,
            Bots = config.Bots,
            MergeRequests = fetched,
            Quiet = fetched.Any(mr => GitLabWindow.HasActivity(mr, window)) ? null : await NewestActivityAsync(listed, ct),
        };
    }

    /// <summary>
    /// Each project's newest merge request activity, for a window in which none had any: what the list
    /// showed (all of it after the window's start), else one request for the project's newest.
    /// </summary>
    private async Task<IReadOnlyList<ProjectActivity>> NewestActivityAsync(List<(string Path, string Key, DateTimeOffset? Newest)> projects, CancellationToken ct)
    {
        var activity = new List<ProjectActivity>();
        foreach (var (path, key, newest) in projects)
        {
            var found = newest;
            if (found is null)
            {
                var query = new MergeRequestQuery { State = "all", OrderBy = "updated_at", Sort = "desc" };
                await foreach (var mr in client.MergeRequests.ListAsync(key, query, ct))
                {
                    found = mr.UpdatedAt ?? mr.CreatedAt;
                    break;
                }
            }

            activity.Add(new ProjectActivity(path, found));
        }

        return activity;
    }

    private static string KeyOf(string configured, GitLabProject project) =>
        project.Id > 0 ? project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : configured;

    /// <summary>
    /// Merge requests that can matter: updated since the window started (a later comment moves
    /// <c>updated_at</c>, so there is no upper bound) and created before it ended; each once.
    /// </summary>
    private async Task<(string Path, List<Candidate> Found, DateTimeOffset? Newest)> CandidatesAsync(
        string configured, GitLabProject project, CollectionWindow window, CancellationToken ct)
    {
        var path = project.PathWithNamespace ?? configured;
        var projectKey = KeyOf(configured, project);
        var query = new MergeRequestQuery { State = "all", UpdatedAfter = window.Start };
        var found = new Dictionary<int, GitLabMergeRequest>();
        await foreach (var mr in client.MergeRequests.ListAsync(projectKey, query, ct))
        {
            // Numbered pages shift when a merge request is created or updated between two requests, so one
            // can come twice: the newest updated_at is kept (the first, when neither is newer).
            if (!found.TryGetValue(mr.Iid, out var seen) || mr.UpdatedAt > seen.UpdatedAt)
            {
                found[mr.Iid] = mr;
            }
        }

        return (path, [.. found.Values
            .Where(mr => !(mr.CreatedAt is { } created && created >= window.End))
            .OrderBy(mr => mr.Iid)
            .Select(mr => new Candidate(projectKey, path, mr))],
            found.Values.Max(mr => mr.UpdatedAt ?? mr.CreatedAt));
    }

    private async ValueTask<FetchedMergeRequest> FetchAsync(Candidate candidate, bool approvals, CancellationToken ct)
    {
        var (project, iid, updatedAt) = (candidate.ProjectKey, candidate.Raw.Iid, candidate.Raw.UpdatedAt);
        if (cache is not null && updatedAt is { } stamp
            && await cache.TryReadAsync(client.Instance, project, iid, stamp, ct) is { } cached
            && (!approvals || cached.ApprovedBy is not null))
        {
            return FetchedMergeRequest.Create(candidate.Path, candidate.Raw, cached.Discussions, cached.Commits, approvals ? cached.ApprovedBy : null);
        }

        var discussions = client.MergeRequests.ListDiscussionsAsync(project, iid, ct).ToListAsync(ct).AsTask();
        var commits = client.MergeRequests.ListCommitsAsync(project, iid, ct).ToListAsync(ct).AsTask();
        var approvers = approvals ? client.MergeRequests.GetApprovalsAsync(project, iid, ct) : Task.FromResult(new GitLabApprovals());
        await Task.WhenAll(discussions, commits, approvers);
        IReadOnlyList<GitLabUser>? approvedBy = approvals ? [.. (await approvers).ApprovedBy?.Select(a => a.User).OfType<GitLabUser>() ?? []] : null;
        var fetched = FetchedMergeRequest.Create(candidate.Path, candidate.Raw, Once(await discussions), [.. GitLabLists.Commits.Once(await commits)], approvedBy);
        if (cache is not null && updatedAt is { } written)
        {
            await cache.WriteAsync(client.Instance, project, iid, written, fetched.Discussions, fetched.Commits, approvedBy, ct);
        }

        return fetched;
    }

    public void Dispose() => client.Dispose();

    /// <summary>Each discussion once, and each note once in it: a repeat (pages that shifted, a broken answer) would count a finding twice.</summary>
    private static List<GitLabDiscussion> Once(IEnumerable<GitLabDiscussion> discussions) =>
        [.. GitLabLists.Discussions.Once(discussions).Select(d => d.Notes is { } notes ? d with { Notes = [.. GitLabLists.Notes.Once(notes)] } : d)];

    /// <summary>A listed merge request: <see cref="ProjectKey"/> addresses the API, <see cref="Path"/> is what the report shows.</summary>
    private sealed record Candidate(string ProjectKey, string Path, GitLabMergeRequest Raw);
}
