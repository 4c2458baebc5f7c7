namespace Reports.Linear;

/// <summary>Accounts: the key's own, and a student's by the email in <c>linear_email</c>.</summary>
public sealed class UserClient
{
    private readonly LinearConnection _connection;

    internal UserClient(LinearConnection connection) => _connection = connection;

    /// <summary>The account the API key belongs to.</summary>
    public Task<LinearUser> GetViewerAsync(CancellationToken ct = default) =>
        _connection.QueryAsync<LinearUser>(LinearQueries.Viewer, new Dictionary<string, object?>(), "viewer", ct);

    /// <summary>The account with this email (compared ignoring case; disabled accounts included), or null.</summary>
    public async Task<LinearUser?> FindByEmailAsync(string email, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var page = await _connection.QueryAsync<LinearPage<LinearUser>>(
            LinearQueries.UsersByEmail, new Dictionary<string, object?> { ["email"] = email.Trim() }, "users", ct);
        return page.Nodes.FirstOrDefault(u => string.Equals(u.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
