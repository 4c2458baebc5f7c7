namespace Reports.Calendar;

/// <summary>
/// A sprint of the course calendar with the number used by <c>--sprint N</c> (<see cref="Config.SprintConfig.NumberFromName"/>).
/// </summary>
internal sealed record CalendarSprint(int Number, string Name, DateOnly Start, int Weeks)
{
    /// <summary>Last local date of the sprint (inclusive).</summary>
    public DateOnly End => Start.AddDays((7 * Weeks) - 1);

    /// <summary>First local date of week <paramref name="week"/> (1-based) of this sprint.</summary>
    public DateOnly WeekStart(int week) => Start.AddDays(7 * (week - 1));
}
