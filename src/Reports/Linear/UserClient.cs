using Reports.Http;

namespace Reports.Linear;

/// <summary>Accounts: the key's own, and a student's by the email in <c>linear_email</c>.</summary>
internal sealed class UserClient
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
        var page = await _connection.QueryAsync<LinearPage<LinearUser?>>(
            LinearQueries.UsersByEmail, new Dictionary<string, object?> { ["email"] = email.Trim() }, "users", ct);
        var users = _connection.Nodes(LinearQueries.UsersByEmail, "data.users", page.Nodes, ListedItems<LinearUser>.Plain);
        return users.FirstOrDefault(u => string.Equals(u.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The accounts with these emails (compared ignoring case; disabled accounts included), keyed by
    /// the email as given; an email no account has is left out. One request for up to 50 emails.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, LinearUser>> FindByEmailsAsync(IEnumerable<string> emails, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var wanted = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new Dictionary<string, LinearUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in wanted.Chunk(50))
        {
            var filter = new Dictionary<string, object?>
            {
                ["or"] = chunk.Select(e => new Dictionary<string, object?> { ["email"] = new Dictionary<string, object?> { ["eqIgnoreCase"] = e } }).ToArray(),
            };
            await foreach (var user in _connection.PageAsync<LinearUser>(LinearQueries.UsersByEmails, new Dictionary<string, object?> { ["filter"] = filter }, "users", ct))
            {
                if (chunk.FirstOrDefault(e => string.Equals(e, user.Email, StringComparison.OrdinalIgnoreCase)) is { } email)
                {
                    found.TryAdd(email, user);
                }
            }
        }

        return found;
    }
}
