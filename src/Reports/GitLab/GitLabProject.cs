namespace Reports.GitLab;

/// <summary>A project from <c>GET /projects/:id</c>.</summary>
internal sealed record GitLabProject
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public string? Path { get; init; }

    /// <summary>Full path, e.g. <c>ppl/sira-backend</c>.</summary>
    public string? PathWithNamespace { get; init; }

    public string? WebUrl { get; init; }

    public string? DefaultBranch { get; init; }
}
