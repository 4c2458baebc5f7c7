using Reports.Config;

namespace Reports.Analysis;

/// <summary>How much of the week the report shows, from <c>review:</c> in <c>evidence.yml</c>: what templates read as <c>options</c>.</summary>
internal sealed record ReportOptions
{
    /// <summary>The levels whose findings are shown in full, each with its fix ("P0" …); the others get one line each.</summary>
    public IReadOnlyList<string> InFull { get; init; } = [.. ConfigSchema.Review.DefaultInFull.Select(l => l.ToString())];

    /// <summary>Reviews with fewer findings than this are listed compactly under the full ones; 0 lists none so.</summary>
    public int CompactBelow { get; init; } = ConfigSchema.Review.DefaultCompactBelow;

    /// <summary>Whether to say how long after a merge request opened the first finding came, and the week's median.</summary>
    public bool TimeToFirstFinding { get; init; }

    public static ReportOptions From(ReviewConfig review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new ReportOptions
        {
            InFull = [.. review.InFull.Select(l => l.ToString())],
            CompactBelow = review.CompactBelow,
            TimeToFirstFinding = review.TimeToFirstFinding,
        };
    }
}
