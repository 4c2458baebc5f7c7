namespace Reports.Analysis;

/// <summary>Findings of one level: <see cref="Key"/> is "P0" … "P3" or "ungraded".</summary>
public sealed record SeverityGroup(string Key, string Name, IReadOnlyList<Finding> Findings)
{
    public int Count => Findings.Count;
}
