namespace Reports.GitLab;

/// <summary>The calling token as <c>GET /personal_access_tokens/self</c> answers it (GitLab 15.5 and later).</summary>
internal sealed record GitLabAccessToken
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string>? Scopes { get; init; }

    public bool? Active { get; init; }

    public bool? Revoked { get; init; }

    public string? ExpiresAt { get; init; }
}
