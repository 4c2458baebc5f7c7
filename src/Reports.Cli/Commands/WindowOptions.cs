using System.CommandLine;
using Reports.Calendar;
using Reports.Model;

namespace Reports.Cli.Commands;

/// <summary>
/// The window options of <c>collect</c> and <c>build</c>: exactly one of <c>--sprint N --week M</c>,
/// <c>--from DATE --to DATE</c>, <c>--current-week</c> or <c>--all-weeks</c>.
/// </summary>
internal sealed class WindowOptions
{
    public Option<int?> Sprint { get; } = new("--sprint") { Description = "Sprint number (with --week)." };

    public Option<int?> Week { get; } = new("--week") { Description = "Week of the sprint, from 1 (with --sprint)." };

    public Option<DateOnly?> From { get; } = new("--from") { Description = "First local date of the window, YYYY-MM-DD (with --to)." };

    public Option<DateOnly?> To { get; } = new("--to") { Description = "Last local date of the window, inclusive (with --from)." };

    public Option<bool> CurrentWeek { get; } = new("--current-week") { Description = "The week containing today." };

    public Option<bool> AllWeeks { get; } = new("--all-weeks") { Description = "Every sprint week up to today, one report each, plus the site index." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Sprint, Week, From, To, CurrentWeek, AllWeeks })
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            var chosen = new[]
            {
                result.GetValue(Sprint) is not null || result.GetValue(Week) is not null,
                result.GetValue(From) is not null || result.GetValue(To) is not null,
                result.GetValue(CurrentWeek),
                result.GetValue(AllWeeks),
            }.Count(x => x);
            if (chosen != 1)
            {
                result.AddError("choose one window: --sprint N --week M, --from DATE --to DATE, --current-week or --all-weeks");
            }
            else if ((result.GetValue(Sprint) is null) != (result.GetValue(Week) is null))
            {
                result.AddError("--sprint and --week go together, e.g. --sprint 2 --week 1");
            }
            else if ((result.GetValue(From) is null) != (result.GetValue(To) is null))
            {
                result.AddError("--from and --to go together, e.g. --from 2025-03-24 --to 2025-03-30");
            }
        });
    }

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
}
