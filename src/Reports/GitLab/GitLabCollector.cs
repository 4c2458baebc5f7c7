using Reports.Config;
using Reports.Model;

namespace Reports.GitLab;

/// <summary>
/// Reads one student's GitLab activity in a window [start, end) over the configured projects and
/// applies DESIGN.md "What counts": review threads, summaries and replies on teammates' merge
/// requests, merges, commits pushed to teammates' merge requests, the student's own merge requests
/// and bot notes. Instants are compared as instants, whatever offset GitLab wrote. With a
/// <see cref="MergeRequestCache"/>, unchanged merge requests cost no per-MR requests.
/// </summary>
public sealed class GitLabCollector(GitLabClient client, GitLabConfig config, MergeRequestCache? cache = null)
{
    public async Task<GitLabActivity> CollectAsync(
        StudentConfig student,
        DateTimeOffset start,
        DateTimeOffset end,
        IProgress<GitLabProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(student);
        if (end <= start)
        {
            throw new ArgumentException($"the window must end after it starts ({start:O} to {end:O})", nameof(end));
        }

        var window = new Window(start, end);
        var candidates = new List<Candidate>();
        for (var i = 0; i < config.Projects.Count; i++)
        {
            progress?.Report(new GitLabProgress($"listing {config.Projects[i]}", i, config.Projects.Count));
            candidates.AddRange(await CandidatesAsync(config.Projects[i], window, ct));
        }

        var done = 0;
        progress?.Report(new GitLabProgress("merge requests", 0, candidates.Count));
        var fetched = await client.ForEachConcurrentAsync(
            candidates,
            async (candidate, token) =>
            {
                var result = await FetchAsync(candidate, token);
                progress?.Report(new GitLabProgress("merge requests", Interlocked.Increment(ref done), candidates.Count));
                return result;
            },
            ct);
        var rules = new ActivityRules(student, config.Bots, window);
        var reviews = new List<ReviewedMergeRequest>();
        var merges = new List<MergeRequestRef>();
        var contributions = new List<Contribution>();
        var authored = new List<MergeRequestRef>();
        var automation = new List<AutomationNote>();
        foreach (var mr in fetched)
        {
            var reference = mr.Candidate.Reference;
            var own = rules.IsStudent(mr.Candidate.Raw.Author);
            var included = false;
            if (!own && rules.Review(mr) is { } review)
            {
                reviews.Add(review);
                included = true;
            }

            if (rules.IsMerge(mr.Candidate.Raw))
            {
                merges.Add(reference);
                included = true;
            }

            if (!own && rules.Contribution(mr) is { } contribution)
            {
                contributions.Add(contribution);
                included = true;
            }

            if (own && rules.HasActivity(mr))
            {
                authored.Add(reference);
                included = true;
            }

            if (included)
            {
                automation.AddRange(rules.Automation(mr));
            }
        }

        return new GitLabActivity
        {
            Reviews = reviews,
            Merges = [.. merges.OrderBy(m => m.MergedAt)],
            Contributions = contributions,
            AuthoredMergeRequests = authored,
            Automation = [.. automation.OrderBy(a => a.Note.CreatedAt)],
        };
    }

    /// <summary>
    /// Merge requests that can matter: updated since the window started (a later comment moves
    /// <c>updated_at</c>, so there is no upper bound) and created before it ended.
    /// </summary>
    private async Task<List<Candidate>> CandidatesAsync(string configured, Window window, CancellationToken ct)
    {
        var project = await client.Projects.GetAsync(configured, ct);
        var path = project.PathWithNamespace ?? configured;
        var projectKey = project.Id > 0 ? project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : configured;
        var query = new MergeRequestQuery { State = "all", UpdatedAfter = window.Start };
        var found = new List<Candidate>();
        await foreach (var mr in client.MergeRequests.ListAsync(projectKey, query, ct))
        {
            if (mr.CreatedAt is { } created && created >= window.End)
            {
                continue;
            }

            found.Add(new Candidate(projectKey, mr, ToReference(path, mr)));
        }

        return [.. found.OrderBy(c => c.Raw.Iid)];
    }

    private async ValueTask<Fetched> FetchAsync(Candidate candidate, CancellationToken ct)
    {
        var (project, iid, updatedAt) = (candidate.ProjectKey, candidate.Raw.Iid, candidate.Raw.UpdatedAt);
        if (cache is not null && updatedAt is { } stamp
            && await cache.TryReadAsync(client.Instance, project, iid, stamp, ct) is { } cached)
        {
            return new Fetched(candidate, cached.Discussions, cached.Commits);
        }

        var discussions = client.MergeRequests.ListDiscussionsAsync(project, iid, ct).ToListAsync(ct).AsTask();
        var commits = client.MergeRequests.ListCommitsAsync(project, iid, ct).ToListAsync(ct).AsTask();
        await Task.WhenAll(discussions, commits);
        var fetched = new Fetched(candidate, await discussions, await commits);
        if (cache is not null && updatedAt is { } written)
        {
            await cache.WriteAsync(client.Instance, project, iid, written, fetched.Discussions, fetched.Commits, ct);
        }

        return fetched;
    }

    private static MergeRequestRef ToReference(string project, GitLabMergeRequest mr) => new()
    {
        Project = project,
        Iid = mr.Iid,
        Title = mr.Title ?? "",
        Author = ToPerson(mr.Author),
        WebUrl = mr.WebUrl ?? "",
        CreatedAt = mr.CreatedAt ?? DateTimeOffset.MinValue,
        MergedAt = mr.MergedAt,
        MergedBy = (mr.MergeUser ?? mr.MergedBy) is { } merger ? ToPerson(merger) : null,
        State = mr.State ?? "opened",
        SourceBranch = mr.SourceBranch,
        Description = mr.Description,
    };

    internal static Person ToPerson(GitLabUser? user) => new(user?.Username ?? "unknown", user?.Name);

    internal sealed record Candidate(string ProjectKey, GitLabMergeRequest Raw, MergeRequestRef Reference);

    internal sealed record Fetched(Candidate Candidate, IReadOnlyList<GitLabDiscussion> Discussions, IReadOnlyList<GitLabCommit> Commits);

    internal readonly record struct Window(DateTimeOffset Start, DateTimeOffset End)
    {
        public bool Contains(DateTimeOffset? at) => at is { } t && t >= Start && t < End;
    }
}
