using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Config;

/// <summary>One sprint: <c>{ name: Sprint 2, start: 2025-03-24, weeks: 2 }</c>.</summary>
internal sealed partial record SprintConfig(string Name, DateOnly Start, int Weeks)
{
    /// <summary>Last local date of the sprint (inclusive).</summary>
    public DateOnly End => Start.AddDays((7 * Weeks) - 1);

    /// <summary>
    /// The number <c>--sprint N</c> picks a sprint by: the integer in its name ("Sprint 2" → 2), or its
    /// 1-based <paramref name="position"/> in <c>calendar.sprints</c> when the name has none.
    /// </summary>
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
