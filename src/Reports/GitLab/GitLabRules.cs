using Reports.Config;
using Reports.Model;
using Reports.Sources;

namespace Reports.GitLab;

/// <summary>
/// docs/rules.md for GitLab, for one student: pure functions of fetched merge requests,
/// so one fetch serves every student and every rule is testable without a server.
/// </summary>
internal sealed class GitLabRules(StudentConfig student, IReadOnlyList<string> bots, CollectionWindow window)
{
    private readonly HashSet<string> _emails = new(student.Emails.Select(e => e.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _bots = new(bots, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The student's reviews, merges and contributions on teammates' merge requests, their own merge
    /// requests with activity, and the bot notes on every merge request the report cites.
    /// </summary>
    public void Apply(IEnumerable<FetchedMergeRequest> mergeRequests, SnapshotBuilder snapshot)
    {
        ArgumentNullException.ThrowIfNull(mergeRequests);
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var mr in mergeRequests)
        {
            var own = IsStudent(mr.Raw.Author);
            var cited = false;
            if (!own && Review(mr) is { } review)
            {
                snapshot.Reviews.Add(review);
                cited = true;
            }

            if (IsMerge(mr.Raw))
            {
                snapshot.Merges.Add(mr.Reference);
                cited = true;
            }

            if (!own && Contribution(mr) is { } contribution)
            {
                snapshot.Contributions.Add(contribution);
                cited = true;
            }

            if (own && HasActivity(mr))
            {
                snapshot.AuthoredMergeRequests.Add(mr.Reference);
                cited = true;
            }

            if (cited)
            {
                foreach (var note in Automation(mr))
                {
                    snapshot.Automation.Add(note);
                }
            }
        }
    }

    public bool IsStudent(GitLabUser? user) =>
        string.Equals(user?.Username, student.Username, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Threads the student started in the window (findings and praise alike), their stand-alone
    /// notes (summaries) and their replies in others' threads; null when there are none.
    /// </summary>
    public ReviewedMergeRequest? Review(FetchedMergeRequest mr)
    {
        var threads = new List<ReviewThread>();
        var summaries = new List<Note>();
        var replies = new List<Note>();
        foreach (var discussion in mr.Discussions)
        {
            var notes = discussion.Notes ?? [];
            if (notes.Count == 0)
            {
                continue;
            }

            var first = notes[0];
            if (discussion.IndividualNote)
            {
                if (IsHumanStudentNote(first) && window.Contains(first.CreatedAt))
                {
                    summaries.Add(ToNote(mr, first));
                }

                continue;
            }

            if (IsHumanStudentNote(first))
            {
                if (window.Contains(first.CreatedAt))
                {
                    threads.Add(ToThread(mr, discussion, first));
                }

                continue;
            }

            replies.AddRange(notes.Skip(1).Where(n => IsHumanStudentNote(n) && window.Contains(n.CreatedAt)).Select(n => ToNote(mr, n)));
        }

        if (threads.Count == 0 && summaries.Count == 0 && replies.Count == 0)
        {
            return null;
        }

        return new ReviewedMergeRequest
        {
            MergeRequest = mr.Reference,
            Threads = [.. threads.OrderBy(t => t.CreatedAt)],
            SummaryNotes = [.. summaries.OrderBy(n => n.CreatedAt)],
            Replies = [.. replies.OrderBy(n => n.CreatedAt)],
        };
    }

    /// <summary>Merged in the window by the student: <c>merge_user</c>, else the deprecated <c>merged_by</c>.</summary>
    public bool IsMerge(GitLabMergeRequest mr) =>
        window.Contains(mr.MergedAt) && IsStudent(mr.MergeUser ?? mr.MergedBy);

    /// <summary>Commits authored in the window under one of the student's emails; an applied suggestion is one of them.</summary>
    public Contribution? Contribution(FetchedMergeRequest mr)
    {
        var commits = StudentCommits(mr).Select(c => ToCommit(mr, c)).OrderBy(c => c.AuthoredAt).ToList();
        return commits.Count == 0 ? null : new Contribution { MergeRequest = mr.Reference, Commits = commits };
    }

    /// <summary>The student's own merge request counts when it was opened or merged in the window, or saw commits or human notes then.</summary>
    public bool HasActivity(FetchedMergeRequest mr) =>
        window.Contains(mr.Raw.CreatedAt)
        || window.Contains(mr.Raw.MergedAt)
        || mr.Commits.Any(c => window.Contains(c.AuthoredDate))
        || mr.Discussions.SelectMany(d => d.Notes ?? []).Any(n => !n.System && !IsBot(n.Author) && window.Contains(n.CreatedAt));

    /// <summary>Notes by configured bot accounts in the window, reported apart from review.</summary>
    public IEnumerable<AutomationNote> Automation(FetchedMergeRequest mr) =>
        mr.Discussions
            .SelectMany(d => d.Notes ?? [])
            .Where(n => !n.System && IsBot(n.Author) && window.Contains(n.CreatedAt))
            .Select(n => new AutomationNote
            {
                MergeRequest = mr.Reference,
                Author = FetchedMergeRequest.ToPerson(n.Author),
                Note = ToNote(mr, n),
            });

    /// <summary>Authored under one of the student's emails, whenever.</summary>
    public bool IsStudentCommit(GitLabCommit commit) => commit.AuthorEmail is { } email && _emails.Contains(email.Trim());

    private IEnumerable<GitLabCommit> StudentCommits(FetchedMergeRequest mr) =>
        mr.Commits.Where(c => IsStudentCommit(c) && window.Contains(c.AuthoredDate));

    private bool IsHumanStudentNote(GitLabNote note) => !note.System && IsStudent(note.Author) && !IsBot(note.Author);

    private bool IsBot(GitLabUser? user) => user?.Username is { } name && _bots.Contains(name);

    private static Note ToNote(FetchedMergeRequest mr, GitLabNote note) => new()
    {
        NoteId = note.Id,
        Body = note.Body ?? "",
        CreatedAt = note.CreatedAt ?? DateTimeOffset.MinValue,
        Url = mr.NoteUrl(note.Id),
    };

    internal static ReviewThread ToThread(FetchedMergeRequest mr, GitLabDiscussion discussion, GitLabNote first)
    {
        var resolvable = (discussion.Notes ?? []).Where(n => n.Resolvable).ToList();
        var resolved = resolvable.Count > 0 && resolvable.All(n => n.Resolved == true);
        return new ReviewThread
        {
            DiscussionId = discussion.Id ?? "",
            NoteId = first.Id,
            Body = first.Body ?? "",
            CreatedAt = first.CreatedAt ?? DateTimeOffset.MinValue,
            Url = mr.NoteUrl(first.Id),
            Resolved = resolved,
            ResolvedAt = resolved ? resolvable.Max(n => n.ResolvedAt) : null,
            FilePath = first.Position?.NewPath ?? first.Position?.OldPath,
            Line = first.Position?.NewLine ?? first.Position?.OldLine,
        };
    }

    private static CommitRef ToCommit(FetchedMergeRequest mr, GitLabCommit commit)
    {
        var sha = commit.Id ?? commit.ShortId ?? "";
        return new CommitRef
        {
            Sha = sha,
            Title = commit.Title ?? commit.Message?.Split('\n', 2)[0] ?? "",
            AuthoredAt = commit.AuthoredDate ?? DateTimeOffset.MinValue,
            Url = commit.WebUrl ?? $"{mr.ProjectUrl()}/-/commit/{sha}",
        };
    }
}
