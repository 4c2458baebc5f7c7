namespace Reports.Linear;

/// <summary>Teams the API key can see.</summary>
internal sealed class TeamClient
{
    private readonly LinearConnection _connection;

    internal TeamClient(LinearConnection connection) => _connection = connection;

    public IAsyncEnumerable<LinearTeam> ListAsync(CancellationToken ct = default) =>
        _connection.PageAsync<LinearTeam>(LinearQueries.Teams, new Dictionary<string, object?>(), "teams", ct);
}
