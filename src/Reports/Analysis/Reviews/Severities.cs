namespace Reports.Analysis.Reviews;

/// <summary>The levels in report order and what the report calls each, declared once for grouping, counting and charts.</summary>
public static class Severities
{
    /// <summary>P0 … P3, most severe first.</summary>
    public static IReadOnlyList<Severity> All { get; } = Enum.GetValues<Severity>();

    /// <summary>"blocker", "important", "improvement" or "nitpick".</summary>
    public static string Name(this Severity severity) => severity switch
    {
        Severity.P0 => "blocker",
        Severity.P1 => "important",
        Severity.P2 => "improvement",
        Severity.P3 => "nitpick",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>P0 and P1: what the MR owner should address before merging.</summary>
    public static bool MustBeAddressed(this Severity severity) => severity <= Severity.P1;
}
