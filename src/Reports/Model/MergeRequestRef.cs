using System.Text.Json.Serialization;

namespace Reports.Model;

/// <summary>A GitLab merge request as the report cites it.</summary>
internal sealed record MergeRequestRef
{
    /// <summary>Full path of the project, e.g. <c>ppl/sira-backend</c>.</summary>
    public required string Project { get; init; }

    public required int Iid { get; init; }

    public required string Title { get; init; }

    public required Person Author { get; init; }

    public required string WebUrl { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>Who merged it (<c>merge_user</c>, else <c>merged_by</c>).</summary>
    public Person? MergedBy { get; init; }

    /// <summary>opened, closed, locked or merged.</summary>
    public string State { get; init; } = "opened";

    public string? SourceBranch { get; init; }

    public string? Description { get; init; }

    /// <summary>"!109": how GitLab writes a reference within its project.</summary>
    [JsonIgnore]
    public string Reference => $"!{Iid}";
}
