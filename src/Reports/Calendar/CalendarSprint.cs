using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Calendar;

/// <summary>
/// A sprint of the course calendar with the number used by <c>--sprint N</c>: the integer in its
/// name ("Sprint 2" → 2), or its 1-based position in <c>calendar.sprints</c> when the name has none.
/// </summary>
public sealed partial record CalendarSprint(int Number, string Name, DateOnly Start, int Weeks)
{
    /// <summary>Last local date of the sprint (inclusive).</summary>
    public DateOnly End => Start.AddDays((7 * Weeks) - 1);

    /// <summary>First local date of week <paramref name="week"/> (1-based) of this sprint.</summary>
    public DateOnly WeekStart(int week) => Start.AddDays(7 * (week - 1));

    /// <summary>The sprint number for a sprint named <paramref name="name"/> at 1-based <paramref name="position"/>.</summary>
    public static int NumberFromName(string name, int position)
    {
        var match = IntegerRegex().Match(name);
        return match.Success && int.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : position;
    }

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerRegex();
}
