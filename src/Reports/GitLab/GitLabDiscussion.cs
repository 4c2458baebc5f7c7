namespace Reports.GitLab;

/// <summary>A discussion on a merge request: a thread, or a single stand-alone note when <see cref="IndividualNote"/>.</summary>
internal sealed record GitLabDiscussion
{
    /// <summary>40-hex discussion id.</summary>
    public string? Id { get; init; }

    public bool IndividualNote { get; init; }

    public IReadOnlyList<GitLabNote>? Notes { get; init; }
}
