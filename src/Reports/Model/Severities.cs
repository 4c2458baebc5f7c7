namespace Reports.Model;

/// <summary>The levels in report order and what the report calls each, declared once for grouping, counting and charts.</summary>
internal static class Severities
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

    /// <summary>Parses "P0" … "P3" (any case, surrounding whitespace allowed); nothing else.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        severity = default;
        var t = text?.Trim() ?? "";
        if (t.Length != 2 || (t[0] != 'P' && t[0] != 'p') || t[1] < '0' || t[1] > '3')
        {
            return false;
        }

        severity = (Severity)(t[1] - '0');
        return true;
    }

    /// <summary>P0 and P1: what the MR owner should address before merging.</summary>
    public static bool MustBeAddressed(this Severity severity) => severity <= Severity.P1;
}
