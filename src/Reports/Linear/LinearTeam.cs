namespace Reports.Linear;

/// <summary>A team; its <see cref="Key"/> prefixes issue identifiers (<c>SIRA</c> in <c>SIRA-125</c>).</summary>
internal sealed record LinearTeam
{
    public string? Id { get; init; }

    public string Key { get; init; } = "";

    public string? Name { get; init; }
}
