using Reports.Analysis.Reviews;
using Reports.Model;

namespace Reports.Analysis;

/// <summary>Findings of one level, or the ungraded ones when <see cref="Level"/> is null.</summary>
internal sealed record SeverityGroup(Severity? Level, IReadOnlyList<Finding> Findings)
{
    /// <summary>"P0" … "P3" or "ungraded", as templates compare it.</summary>
    public string Key => Level?.ToString() ?? "ungraded";

    /// <summary>"blocker" … "nitpick" or "ungraded".</summary>
    public string Name => Level?.Name() ?? "ungraded";

    public int Count => Findings.Count;
}
