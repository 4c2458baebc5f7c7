namespace Reports.Config;

/// <summary>One sprint: <c>{ name: Sprint 2, start: 2025-03-24, weeks: 2 }</c>.</summary>
public sealed record SprintConfig(string Name, DateOnly Start, int Weeks)
{
    /// <summary>Last local date of the sprint (inclusive).</summary>
    public DateOnly End => Start.AddDays((7 * Weeks) - 1);
}
