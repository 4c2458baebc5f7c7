namespace Reports.Config;

public sealed record ReviewConfig
{
    public static IReadOnlyDictionary<string, string> DefaultLevels { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["nitpick"] = "P3" };

    /// <summary>Comment label (case-insensitive) → P-level ("P0" … "P3").</summary>
    public IReadOnlyDictionary<string, string> Levels { get; init; } = DefaultLevels;
}
