namespace Reports.GitLab;

/// <summary>How GitLab writes a reference to a merge request: <c>!12</c> and <c>group/project!12</c>.</summary>
internal sealed record GitLabReferences
{
    public string? Short { get; init; }

    public string? Full { get; init; }
}
