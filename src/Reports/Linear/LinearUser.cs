namespace Reports.Linear;

/// <summary>A Linear account as queries embed it (viewer, creator, history actor).</summary>
internal sealed record LinearUser
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }
}
