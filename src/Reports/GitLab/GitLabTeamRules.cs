using Reports.Model;
using Reports.Sources;

namespace Reports.GitLab;

/// <summary>
/// docs/rules.md's team facts: every human review thread started in the window on a merge request by
/// someone other than its author (and, on a merge of the window, those started before it), who approved
/// the merge requests merged in the window, and who commented on them. Pure, like <see cref="GitLabRules"/>.
/// </summary>
internal static class GitLabTeamRules
{
    public static void Apply(IEnumerable<FetchedMergeRequest> mergeRequests, IReadOnlyList<string> bots, CollectionWindow window, TeamSnapshotBuilder team)
    {
        ArgumentNullException.ThrowIfNull(mergeRequests);
        ArgumentNullException.ThrowIfNull(team);
        var botNames = new HashSet<string>(bots, StringComparer.OrdinalIgnoreCase);
        bool Human(GitLabNote n) => !n.System && n.Author?.Username is { } name && !botNames.Contains(name);
        foreach (var mr in mergeRequests)
        {
            var author = mr.Raw.Author?.Username;
            var merged = window.Contains(mr.Raw.MergedAt);
            var threads = new List<TeamReviewThread>();
            foreach (var discussion in mr.Discussions)
            {
                var notes = discussion.Notes ?? [];
                if (discussion.IndividualNote || notes.Count == 0 || !Human(notes[0])
                    || string.Equals(notes[0].Author!.Username, author, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // Started in the window; or, on a merge of the window, before the merge (review of an earlier week counts as review).
                if (window.Contains(notes[0].CreatedAt) || (merged && notes[0].CreatedAt <= mr.Raw.MergedAt))
                {
                    threads.Add(new TeamReviewThread { Reviewer = FetchedMergeRequest.ToPerson(notes[0].Author), Thread = GitLabRules.ToThread(mr, discussion, notes[0]) });
                }
            }

            if (threads.Count == 0 && !merged)
            {
                continue;
            }

            team.MergeRequests.Add(new TeamMergeRequest
            {
                MergeRequest = mr.Reference,
                Threads = threads,
                ApprovedBy = mr.ApprovedBy?.Select(FetchedMergeRequest.ToPerson).ToList(),
                Commenters = [.. mr.Discussions.SelectMany(d => d.Notes ?? [])
                    .Where(n => Human(n) && n.CreatedAt is { } at && at < window.End)
                    .Select(n => n.Author!.Username!)],
            });
        }
    }
}
