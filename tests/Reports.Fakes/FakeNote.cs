namespace Reports.Fakes;

/// <summary>One note of a discussion, as GitLab stores it.</summary>
public sealed class FakeNote
{
    public required long Id { get; init; }

    public required FakeUser Author { get; set; }

    public required string Body { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>DiscussionNote, DiffNote or null.</summary>
    public string? Type { get; set; }

    public bool System { get; set; }

    public bool Resolvable { get; set; }

    public bool Resolved { get; set; }

    public FakeUser? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public FakePosition? Position { get; set; }

    internal object ToJson(Uri baseUrl, FakeMergeRequest mr)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = Id,
            ["type"] = Type,
            ["body"] = Body,
            ["attachment"] = null,
            ["author"] = Author.ToJson(baseUrl),
            ["created_at"] = FakeGitLab.Date(CreatedAt),
            ["updated_at"] = FakeGitLab.Date(UpdatedAt ?? CreatedAt),
            ["system"] = System,
            ["noteable_id"] = mr.Id,
            ["noteable_type"] = "MergeRequest",
            ["noteable_iid"] = mr.Iid,
            ["project_id"] = mr.Project.Id,
            ["resolvable"] = Resolvable,
            ["confidential"] = false,
            ["internal"] = false,
        };
        if (Resolvable)
        {
            json["resolved"] = Resolved;
            json["resolved_by"] = ResolvedBy?.ToJson(baseUrl);
        }

        // GitLab often leaves resolved_at out entirely; only send it when known.
        if (ResolvedAt is { } at)
        {
            json["resolved_at"] = FakeGitLab.Date(at);
        }

        if (Position is { } position)
        {
            json["position"] = position.ToJson();
        }

        return json;
    }
}
