namespace Reports.Linear;

/// <summary>A link on an issue; a GitLab merge request linked to the issue appears as one whose <see cref="Url"/> is the MR's.</summary>
internal sealed record LinearAttachment
{
    public string? Url { get; init; }

    public string? Title { get; init; }

    /// <summary>e.g. <c>gitlab</c>, <c>github</c>, <c>slack</c>.</summary>
    public string? SourceType { get; init; }
}
