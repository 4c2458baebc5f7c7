using Reports.Analysis.Reviews;

namespace Reports.Config;

public sealed record ReviewConfig
{
    public static IReadOnlyDictionary<string, Severity> DefaultLevels { get; } =
        new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["nitpick"] = Severity.P3 };

    /// <summary>Comment label (case-insensitive) → P-level.</summary>
    public IReadOnlyDictionary<string, Severity> Levels { get; init; } = DefaultLevels;
}
