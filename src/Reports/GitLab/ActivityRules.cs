using Reports.Config;
using Reports.Model;

namespace Reports.GitLab;

/// <summary>DESIGN.md "What counts" for GitLab, applied to one fetched merge request at a time.</summary>
internal sealed class ActivityRules(StudentConfig student, IReadOnlyList<string> bots, GitLabCollector.Window window)
{
    private readonly HashSet<string> _emails = new(student.Emails.Select(e => e.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _bots = new(bots, StringComparer.OrdinalIgnoreCase);

    public bool IsStudent(GitLabUser? user) =>
        string.Equals(user?.Username, student.Username, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Threads the student started in the window (findings and praise alike), their stand-alone
    /// notes (summaries) and their replies in others' threads; null when there are none.
    /// </summary>
    public ReviewedMergeRequest? Review(GitLabCollector.Fetched mr)
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
            MergeRequest = mr.Candidate.Reference,
            Threads = [.. threads.OrderBy(t => t.CreatedAt)],
            SummaryNotes = [.. summaries.OrderBy(n => n.CreatedAt)],
            Replies = [.. replies.OrderBy(n => n.CreatedAt)],
        };
    }

    /// <summary>Merged in the window by the student: <c>merge_user</c>, else the deprecated <c>merged_by</c>.</summary>
    public bool IsMerge(GitLabMergeRequest mr) =>
        window.Contains(mr.MergedAt) && IsStudent(mr.MergeUser ?? mr.MergedBy);

    /// <summary>Commits authored in the window under one of the student's emails; an applied suggestion is one of them.</summary>
    public Contribution? Contribution(GitLabCollector.Fetched mr)
    {
        var commits = StudentCommits(mr).Select(c => ToCommit(mr, c)).OrderBy(c => c.AuthoredAt).ToList();
        return commits.Count == 0 ? null : new Contribution { MergeRequest = mr.Candidate.Reference, Commits = commits };
    }

    /// <summary>The student's own merge request counts when it was opened or merged in the window, or saw commits or human notes then.</summary>
    public bool HasActivity(GitLabCollector.Fetched mr) =>
        window.Contains(mr.Candidate.Raw.CreatedAt)
        || window.Contains(mr.Candidate.Raw.MergedAt)
        || mr.Commits.Any(c => window.Contains(c.AuthoredDate))
        || mr.Discussions.SelectMany(d => d.Notes ?? []).Any(n => !n.System && !IsBot(n.Author) && window.Contains(n.CreatedAt));

    /// <summary>Notes by configured bot accounts in the window, reported apart from review.</summary>
    public IEnumerable<AutomationNote> Automation(GitLabCollector.Fetched mr) =>
        mr.Discussions
            .SelectMany(d => d.Notes ?? [])
            .Where(n => !n.System && IsBot(n.Author) && window.Contains(n.CreatedAt))
            .Select(n => new AutomationNote
            {
                MergeRequest = mr.Candidate.Reference,
                Author = GitLabCollector.ToPerson(n.Author),
                Note = ToNote(mr, n),
            });

    private IEnumerable<GitLabCommit> StudentCommits(GitLabCollector.Fetched mr) =>
        mr.Commits.Where(c => c.AuthorEmail is { } email && _emails.Contains(email.Trim()) && window.Contains(c.AuthoredDate));

    private bool IsHumanStudentNote(GitLabNote note) => !note.System && IsStudent(note.Author) && !IsBot(note.Author);

    private bool IsBot(GitLabUser? user) => user?.Username is { } name && _bots.Contains(name);

    private static Note ToNote(GitLabCollector.Fetched mr, GitLabNote note) => new()
    {
        NoteId = note.Id,
        Body = note.Body ?? "",
        CreatedAt = note.CreatedAt ?? DateTimeOffset.MinValue,
        Url = NoteUrl(mr, note.Id),
    };

    private static ReviewThread ToThread(GitLabCollector.Fetched mr, GitLabDiscussion discussion, GitLabNote first)
    {
        var resolvable = (discussion.Notes ?? []).Where(n => n.Resolvable).ToList();
        var resolved = resolvable.Count > 0 && resolvable.All(n => n.Resolved == true);
        return new ReviewThread
        {
            DiscussionId = discussion.Id ?? "",
            NoteId = first.Id,
            Body = first.Body ?? "",
            CreatedAt = first.CreatedAt ?? DateTimeOffset.MinValue,
            Url = NoteUrl(mr, first.Id),
            Resolved = resolved,
            ResolvedAt = resolved ? resolvable.Max(n => n.ResolvedAt) : null,
            FilePath = first.Position?.NewPath ?? first.Position?.OldPath,
            Line = first.Position?.NewLine ?? first.Position?.OldLine,
        };
    }

    private static CommitRef ToCommit(GitLabCollector.Fetched mr, GitLabCommit commit)
    {
        var sha = commit.Id ?? commit.ShortId ?? "";
        return new CommitRef
        {
            Sha = sha,
            Title = commit.Title ?? commit.Message?.Split('\n', 2)[0] ?? "",
            AuthoredAt = commit.AuthoredDate ?? DateTimeOffset.MinValue,
            Url = commit.WebUrl ?? $"{ProjectUrl(mr)}/-/commit/{sha}",
        };
    }

    private static string NoteUrl(GitLabCollector.Fetched mr, long noteId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{mr.Candidate.Reference.WebUrl}#note_{noteId}");

    private static string ProjectUrl(GitLabCollector.Fetched mr)
    {
        var url = mr.Candidate.Reference.WebUrl;
        var cut = url.IndexOf("/-/merge_requests/", StringComparison.Ordinal);
        return cut < 0 ? url : url[..cut];
    }
}
