namespace Reports.Fakes;

/// <summary>A Linear team in the fake's dataset; its key prefixes identifiers.</summary>
public sealed record FakeLinearTeam(string Id, string Key, string Name)
{
    internal Dictionary<string, object?> ToNode() => new()
    {
        ["__typename"] = "Team",
        ["id"] = Id,
        ["key"] = Key,
        ["name"] = Name,
    };
}
