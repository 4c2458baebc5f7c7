namespace Reports.GitLab;

/// <summary>A GitLab account as the REST API embeds it (author, merge_user, reviewers…).</summary>
internal sealed record GitLabUser
{
    public long Id { get; init; }

    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? State { get; init; }

    public string? AvatarUrl { get; init; }

    public string? WebUrl { get; init; }

    /// <summary>True for the bot user of a project or group access token; only <c>GET /user</c> sends it.</summary>
    public bool? Bot { get; init; }
}
