namespace Reports.GitLab;

/// <summary><c>/users</c>.</summary>
public sealed class UserClient
{
    private readonly GitLabConnection _connection;

    internal UserClient(GitLabConnection connection) => _connection = connection;

    /// <summary>The account with this username, or null when GitLab knows none.</summary>
    public async Task<GitLabUser?> GetByUsernameAsync(string username, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        var users = await _connection.GetAsync<List<GitLabUser>>($"users?username={Uri.EscapeDataString(username.Trim())}", null, ct);
        return users.FirstOrDefault(u => string.Equals(u.Username, username.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? users.FirstOrDefault();
    }
}
