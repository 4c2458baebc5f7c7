namespace Reports.GitLab;

/// <summary><c>/users</c>.</summary>
internal sealed class UserClient
{
    private readonly GitLabConnection _connection;

    internal UserClient(GitLabConnection connection) => _connection = connection;

    /// <summary>The token's own account (<c>GET /user</c>): for a project access token, its bot user.</summary>
    public Task<GitLabUser> GetCurrentAsync(CancellationToken ct = default) =>
        _connection.GetAsync<GitLabUser>("user", null, ct);

    /// <summary>
    /// The calling token's own record with its scopes (<c>GET /personal_access_tokens/self</c>); null where
    /// GitLab has no such endpoint (before 15.5) or the token is not a personal, project or group access token.
    /// </summary>
    public async Task<GitLabAccessToken?> GetTokenAsync(CancellationToken ct = default)
    {
        try
        {
            return await _connection.GetAsync<GitLabAccessToken>("personal_access_tokens/self", null, ct);
        }
        catch (GitLabException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    /// <summary>The account with this username, or null when GitLab knows none.</summary>
    public async Task<GitLabUser?> GetByUsernameAsync(string username, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        // A null in the answer is no account: skipped, as the lookup only needs the one that matches.
        var users = (await _connection.GetAsync<List<GitLabUser?>>($"users?username={Uri.EscapeDataString(username.Trim())}", null, ct)).OfType<GitLabUser>().ToList();
        return users.FirstOrDefault(u => string.Equals(u.Username, username.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? users.FirstOrDefault();
    }
}
