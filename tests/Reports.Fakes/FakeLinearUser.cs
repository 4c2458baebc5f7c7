namespace Reports.Fakes;

/// <summary>A Linear account in the fake's dataset; <see cref="ApiKey"/> makes it the viewer of requests that send it.</summary>
public sealed record FakeLinearUser(string Id, string Name, string Email)
{
    public string? ApiKey { get; init; }

    public bool Active { get; init; } = true;

    internal Dictionary<string, object?> ToNode() => new()
    {
        ["__typename"] = "User",
        ["id"] = Id,
        ["name"] = Name,
        ["displayName"] = Name.Split(' ')[0].ToLowerInvariant(),
        ["email"] = Email,
        ["active"] = Active,
    };
}
