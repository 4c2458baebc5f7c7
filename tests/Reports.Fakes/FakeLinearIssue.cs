namespace Reports.Fakes;

/// <summary>An issue in the fake's dataset, with its history; its identifier is the team key and number.</summary>
public sealed class FakeLinearIssue(string id, FakeLinearTeam team, int number)
{
    public static readonly DateTimeOffset DefaultCreatedAt = new(2025, 3, 24, 2, 0, 0, TimeSpan.Zero);

    public string Id { get; } = id;

    public FakeLinearTeam Team { get; } = team;

    public int Number { get; } = number;

    public string Identifier => $"{Team.Key}-{Number}";

    public string Title { get; set; } = $"Issue {number}";

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DefaultCreatedAt;

    /// <summary>When null, the latest of creation and history, as Linear keeps it.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public FakeLinearUser? Creator { get; set; }

    public FakeLinearIssue? Parent { get; set; }

    public FakeLinearState State { get; set; } = FakeLinearState.Backlog;

    public double? Estimate { get; set; }

    public double Priority { get; set; }

    public List<(string Id, string Name)> Labels { get; } = [];

    /// <summary>Linked URLs, e.g. a merge request's web URL.</summary>
    public List<string> Attachments { get; } = [];

    /// <summary>Oldest first here; served newest first, as Linear pages it.</summary>
    public List<FakeLinearHistory> History { get; } = [];

    public DateTimeOffset EffectiveUpdatedAt => UpdatedAt ?? History.Select(h => h.CreatedAt).Append(CreatedAt).Max();

    public FakeLinearHistory AddHistory(FakeLinearHistory entry)
    {
        History.Add(entry);
        return entry;
    }

    internal Dictionary<string, object?> ToNode() => new()
    {
        ["__typename"] = "Issue",
        ["id"] = Id,
        ["identifier"] = Identifier,
        ["number"] = (double)Number,
        ["title"] = Title,
        ["url"] = $"https://linear.app/fake/issue/{Identifier}/{Title.ToLowerInvariant().Replace(' ', '-')}",
        ["description"] = Description,
        ["branchName"] = $"{Identifier.ToLowerInvariant()}-{Title.ToLowerInvariant().Replace(' ', '-')}",
        ["createdAt"] = FakeGitLab.Date(CreatedAt),
        ["updatedAt"] = FakeGitLab.Date(EffectiveUpdatedAt),
        ["archivedAt"] = ArchivedAt is { } archived ? FakeGitLab.Date(archived) : null,
        ["estimate"] = Estimate,
        ["priority"] = Priority,
        ["creator"] = Creator?.ToNode(),
        ["parent"] = (Func<object?>)(() => Parent?.ToNode()),
        ["state"] = State.ToNode(),
        ["team"] = Team.ToNode(),
        ["cycle"] = null,
        ["labels"] = Labels.Select(l => (object?)new Dictionary<string, object?> { ["__typename"] = "IssueLabel", ["id"] = l.Id, ["name"] = l.Name }).ToList(),
        ["attachments"] = Attachments.Select((url, i) => (object?)new Dictionary<string, object?>
        {
            ["__typename"] = "Attachment",
            ["id"] = $"{Id}-attachment-{i}",
            ["url"] = url,
            ["title"] = url,
            ["sourceType"] = url.Contains("merge_requests", StringComparison.Ordinal) ? "gitlab" : "unknown",
        }).ToList(),
        ["history"] = (Func<object?>)(() => History.OrderByDescending(h => h.CreatedAt).Select(h => (object?)h.ToNode()).ToList()),
    };
}
