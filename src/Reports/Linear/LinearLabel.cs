namespace Reports.Linear;

internal sealed record LinearLabel
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }
}
