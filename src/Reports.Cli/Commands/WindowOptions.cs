using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Reports.Calendar;
using Reports.Model;

namespace Reports.Cli.Commands;

/// <summary>
/// The window options of <c>collect</c>, <c>build</c>, <c>check</c> and <c>notes</c>: exactly one of
/// <c>--sprint N --week M</c>, <c>--from DATE --to DATE</c>, <c>--current-week</c> or (for <c>build</c>)
/// <c>--all-weeks</c>; for <c>check</c>, none at all means today.
/// </summary>
/// <param name="allWeeks">Whether the command takes <c>--all-weeks</c> (only <c>build</c> writes many weeks).</param>
/// <param name="required">Whether a window must be named.</param>
internal sealed class WindowOptions(bool allWeeks = true, bool required = true)
{
    private const string SprintWeekExample = "e.g. --sprint 2 --week 1";
    private const string DatesExample = "e.g. --from 2025-03-24 --to 2025-03-30";

    public Option<int?> Sprint { get; } = new("--sprint")
    {
        Description = "Sprint number (with --week).",
        CustomParser = r => Number(r, "--sprint", "a sprint number"),
    };

    public Option<int?> Week { get; } = new("--week")
    {
        Description = "Week of the sprint, from 1 (with --sprint).",
        CustomParser = r => Number(r, "--week", "a week number"),
    };

    public Option<DateOnly?> From { get; } = new("--from")
    {
        Description = "First local date of the window, YYYY-MM-DD (with --to).",
        CustomParser = r => Date(r, "--from"),
    };

    public Option<DateOnly?> To { get; } = new("--to")
    {
        Description = "Last local date of the window, inclusive (with --from).",
        CustomParser = r => Date(r, "--to"),
    };

    public Option<bool> CurrentWeek { get; } = new("--current-week") { Description = "The week containing today." };

    public Option<bool> AllWeeks { get; } = new("--all-weeks") { Description = "Every sprint week up to today, one report each, plus the site index." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Sprint, Week, From, To, CurrentWeek })
        {
            command.Add(option);
        }

        if (allWeeks)
        {
            command.Add(AllWeeks);
        }

        // Presence only: values are checked by their own parsers, whose errors must not be masked here.
        command.Validators.Add(result =>
        {
            bool Given(Option option) => result.GetResult(option) is { Implicit: false };
            var choices = allWeeks ? "--sprint N --week M, --from DATE --to DATE, --current-week or --all-weeks" : "--sprint N --week M, --from DATE --to DATE or --current-week";
            var chosen = new[]
            {
                Given(Sprint) || Given(Week),
                Given(From) || Given(To),
                Given(CurrentWeek),
                Given(AllWeeks),
            }.Count(x => x);
            if (chosen > 1 || (chosen == 0 && required))
            {
                result.AddError($"choose one window: {choices} ({SprintWeekExample})");
            }
            else if (Given(Sprint) != Given(Week))
            {
                result.AddError($"--sprint and --week go together, {SprintWeekExample}");
            }
            else if (Given(From) != Given(To))
            {
                result.AddError($"--from and --to go together, {DatesExample}");
            }
        });
    }

    /// <summary>Whether a window was named (for a command where none means today).</summary>
    public bool Given(ParseResult parse) =>
        new Option[] { Sprint, Week, From, To, CurrentWeek }.Any(o => parse.GetResult(o) is { Implicit: false }) || (allWeeks && parse.GetValue(AllWeeks));

    /// <summary>The windows the options name, oldest first.</summary>
    public IReadOnlyList<ReportWindow> Resolve(ParseResult parse, CourseCalendar calendar, TimeProvider time)
    {
        if (parse.GetValue(Sprint) is { } sprint && parse.GetValue(Week) is { } week)
        {
            return [calendar.SprintWeek(sprint, week)];
        }

        if (parse.GetValue(From) is { } from && parse.GetValue(To) is { } to)
        {
            return [calendar.Dates(from, to)];
        }

        if (parse.GetValue(CurrentWeek))
        {
            return [calendar.CurrentWeek(time)];
        }

        var weeks = calendar.AllWeeks(time);
        return weeks.Count > 0
            ? weeks
            : throw new EvidenceException("--all-weeks: no sprint week has started yet; check calendar.sprints in the config");
    }

    private static int? Number(ArgumentResult result, string option, string what)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 999)
        {
            return value;
        }

        result.AddError($"{option}: '{text}' is not {what} (a whole number from 1 to 999), {SprintWeekExample}");
        return null;
    }

    private static DateOnly? Date(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            result.AddError($"{option}: '{text}' is not a date (use YYYY-MM-DD), {DatesExample}");
            return null;
        }

        if (!SupportedDates.Contain(date))
        {
            result.AddError($"{option}: {text} is outside the dates evidence supports ({SupportedDates.Range}), {DatesExample}");
            return null;
        }

        return date;
    }
}
