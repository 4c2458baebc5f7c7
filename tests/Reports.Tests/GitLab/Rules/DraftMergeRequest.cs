using Reports.GitLab;

namespace Reports.Tests.GitLab.Rules;

/// <summary>A merge request being written for a rule test, with builder methods like the fake server's <c>FakeMergeRequest</c>.</summary>
internal sealed class DraftMergeRequest(FetchedWeek week, GitLabMergeRequest raw)
{
    public GitLabMergeRequest Raw { get; set; } = raw;

    public List<DraftDiscussion> Discussions { get; } = [];

    public List<GitLabCommit> Commits { get; } = [];

    public int Iid => Raw.Iid;

    /// <summary>A resolvable thread started by <paramref name="author"/>; a diff note when <paramref name="path"/> is given.</summary>
    public DraftDiscussion AddThread(GitLabUser author, string body, DateTimeOffset at, string? path = null, int? line = null)
    {
        var note = new GitLabNote
        {
            Id = week.NextId(),
            Author = author,
            Body = body,
            CreatedAt = at,
            Type = path is null ? "DiscussionNote" : "DiffNote",
            Resolvable = true,
            Position = path is null ? null : new GitLabNotePosition { NewPath = path, NewLine = line },
        };
        return Add(new DraftDiscussion(week, $"d{note.Id}", individualNote: false, note));
    }

    /// <summary>A stand-alone note (<c>individual_note: true</c>), e.g. a review summary.</summary>
    public DraftDiscussion AddNote(GitLabUser author, string body, DateTimeOffset at, bool system = false) =>
        Add(new DraftDiscussion(week, $"d{week.NextId()}", individualNote: true, new GitLabNote
        {
            Id = week.NextId(),
            Author = author,
            Body = body,
            CreatedAt = at,
            System = system,
        }));

    public GitLabCommit AddCommit(string? authorEmail, string title, DateTimeOffset authoredAt, string? webUrl = null)
    {
        var sha = week.NextId().ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
        var commit = new GitLabCommit
        {
            Id = sha,
            ShortId = sha[..8],
            Title = title,
            AuthorEmail = authorEmail,
            AuthoredDate = authoredAt,
            WebUrl = webUrl,
        };
        Commits.Add(commit);
        return commit;
    }

    /// <summary>Marks it merged; <paramref name="legacy"/> leaves out <c>merge_user</c> as older instances do.</summary>
    public DraftMergeRequest Merge(GitLabUser by, DateTimeOffset at, bool legacy = false)
    {
        Raw = Raw with { State = "merged", MergedAt = at, MergeUser = legacy ? null : by, MergedBy = by };
        return this;
    }

    public FetchedMergeRequest ToFetched() =>
        FetchedMergeRequest.Create("ppl/sira-backend", Raw, [.. Discussions.Select(d => d.ToDiscussion())], [.. Commits]);

    private DraftDiscussion Add(DraftDiscussion discussion)
    {
        Discussions.Add(discussion);
        return discussion;
    }
}
