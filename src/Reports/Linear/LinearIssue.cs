using System.Text.Json.Serialization;

namespace Reports.Linear;

/// <summary>An issue as listed, without its history (read that with <see cref="IssueClient.ListHistoriesAsync"/>).</summary>
internal sealed record LinearIssue
{
    public string Id { get; init; } = "";

    /// <summary>e.g. <c>SIRA-125</c>.</summary>
    public string Identifier { get; init; } = "";

    public int Number { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public string? Description { get; init; }

    public string? BranchName { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }

    public double? Estimate { get; init; }

    /// <summary>0 none, 1 urgent, 2 high, 3 medium, 4 low.</summary>
    public double? Priority { get; init; }

    /// <summary>Null for issues created by integrations.</summary>
    public LinearUser? Creator { get; init; }

    /// <summary>Set on a sub-issue.</summary>
    public LinearIssueRef? Parent { get; init; }

    public LinearState? State { get; init; }

    public LinearTeam? Team { get; init; }

    public LinearCycle? Cycle { get; init; }

    [JsonConverter(typeof(NodesConverter<LinearLabel>))]
    public IReadOnlyList<LinearLabel> Labels { get; init; } = [];

    [JsonConverter(typeof(NodesConverter<LinearAttachment>))]
    public IReadOnlyList<LinearAttachment> Attachments { get; init; } = [];
}
