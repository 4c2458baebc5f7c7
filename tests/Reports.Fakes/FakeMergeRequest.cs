namespace Reports.Fakes;

/// <summary>A merge request in the fake's dataset, with builder methods for what hangs off it.</summary>
public sealed class FakeMergeRequest(FakeGitLab fake, FakeProject project, long id, int iid, FakeUser author)
{
    public static readonly DateTimeOffset DefaultCreatedAt = new(2025, 3, 24, 9, 0, 0, TimeSpan.FromHours(7));

    public FakeProject Project { get; } = project;

    public long Id { get; } = id;

    public int Iid { get; } = iid;

    public FakeUser Author { get; set; } = author;

    public string Title { get; set; } = $"Merge request {iid}";

    public string? Description { get; set; }

    /// <summary>opened, closed, locked or merged.</summary>
    public string State { get; set; } = "opened";

    public DateTimeOffset CreatedAt { get; set; } = DefaultCreatedAt;

    /// <summary>When null, the latest of creation, merge, notes and pushes, as GitLab keeps it.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? MergedAt { get; set; }

    public FakeUser? MergeUser { get; set; }

    public FakeUser? MergedBy { get; set; }

    public string SourceBranch { get; set; } = $"feature/{iid}";

    public string TargetBranch { get; set; } = "main";

    public List<string> Labels { get; } = [];

    public List<FakeDiscussion> Discussions { get; } = [];

    public List<FakeCommit> Commits { get; } = [];

    public List<FakeUser> ApprovedBy { get; } = [];

    public DateTimeOffset EffectiveUpdatedAt =>
        UpdatedAt ?? new[] { CreatedAt, MergedAt ?? CreatedAt }
            .Concat(Discussions.SelectMany(d => d.Notes).Select(n => n.UpdatedAt ?? n.CreatedAt))
            .Concat(Commits.Select(c => c.CommittedDate ?? c.AuthoredDate))
            .Max();

    /// <summary>Marks it merged; <paramref name="legacy"/> leaves out <c>merge_user</c> as older instances do.</summary>
    public FakeMergeRequest Merge(FakeUser by, DateTimeOffset at, bool legacy = false)
    {
        State = "merged";
        MergedAt = at;
        MergeUser = legacy ? null : by;
        MergedBy = by;
        return this;
    }

    /// <summary>A resolvable thread started by <paramref name="author"/>.</summary>
    public FakeDiscussion AddThread(FakeUser author, string body, DateTimeOffset at, FakePosition? position = null)
    {
        var discussion = fake.NewDiscussion(individualNote: false);
        discussion.Notes.Add(new FakeNote
        {
            Id = fake.NextNoteId(),
            Author = author,
            Body = body,
            CreatedAt = at,
            Type = position is null ? "DiscussionNote" : "DiffNote",
            Resolvable = true,
            Position = position,
        });
        Discussions.Add(discussion);
        return discussion;
    }

    /// <summary>A stand-alone note (<c>individual_note: true</c>), e.g. a review summary.</summary>
    public FakeDiscussion AddNote(FakeUser author, string body, DateTimeOffset at)
    {
        var discussion = fake.NewDiscussion(individualNote: true);
        discussion.Notes.Add(new FakeNote { Id = fake.NextNoteId(), Author = author, Body = body, CreatedAt = at });
        Discussions.Add(discussion);
        return discussion;
    }

    /// <summary>A system note such as "approved this merge request".</summary>
    public FakeDiscussion AddSystemNote(FakeUser author, string body, DateTimeOffset at)
    {
        var discussion = fake.NewDiscussion(individualNote: true);
        discussion.Notes.Add(new FakeNote { Id = fake.NextNoteId(), Author = author, Body = body, CreatedAt = at, System = true });
        Discussions.Add(discussion);
        return discussion;
    }

    public FakeCommit AddCommit(string authorEmail, string title, DateTimeOffset authoredAt, string? authorName = null)
    {
        var commit = new FakeCommit
        {
            Sha = fake.NextSha(),
            Title = title,
            AuthorEmail = authorEmail,
            AuthorName = authorName ?? authorEmail.Split('@')[0],
            AuthoredDate = authoredAt,
        };
        Commits.Add(commit);
        return commit;
    }

    internal string WebUrl(Uri baseUrl) => $"{Project.WebUrl(baseUrl)}/-/merge_requests/{Iid}";

    internal object ToJson(Uri baseUrl) => new Dictionary<string, object?>
    {
        ["id"] = Id,
        ["iid"] = Iid,
        ["project_id"] = Project.Id,
        ["title"] = Title,
        ["description"] = Description,
        ["state"] = State,
        ["created_at"] = FakeGitLab.Date(CreatedAt),
        ["updated_at"] = FakeGitLab.Date(EffectiveUpdatedAt),
        ["merged_by"] = MergedBy?.ToJson(baseUrl),
        ["merge_user"] = MergeUser?.ToJson(baseUrl),
        ["merged_at"] = MergedAt is { } m ? FakeGitLab.Date(m) : null,
        ["closed_by"] = null,
        ["closed_at"] = null,
        ["target_branch"] = TargetBranch,
        ["source_branch"] = SourceBranch,
        ["user_notes_count"] = Discussions.SelectMany(d => d.Notes).Count(n => !n.System),
        ["author"] = Author.ToJson(baseUrl),
        ["assignees"] = Array.Empty<object>(),
        ["reviewers"] = Array.Empty<object>(),
        ["labels"] = Labels,
        ["draft"] = false,
        ["work_in_progress"] = false,
        ["merge_status"] = "can_be_merged",
        ["sha"] = "d4e5f6",
        ["references"] = new { @short = $"!{Iid}", relative = $"!{Iid}", full = $"{Project.Path}!{Iid}" },
        ["web_url"] = WebUrl(baseUrl),
    };
}
