using System.Globalization;
using Reports.Calendar;
using Reports.Config;
using Reports.GitLab;
using Reports.Linear;
using Reports.Model;
using Reports.Pipeline;

namespace Reports.Check;

/// <summary>
/// <c>evidence check</c> for a loaded config: the calendar covers today or the requested week, the
/// GitLab and Linear items (<see cref="GitLabCheck"/>, <see cref="LinearCheck"/>), <c>notify</c>'s token,
/// and each student's notes file for the week. Every item is one <see cref="CheckLine"/>; nothing is written.
/// </summary>
internal sealed class ConfigCheck(
    EvidenceConfig config,
    Func<string, string?> environment,
    GitLabClientOptions? gitLabOptions = null,
    LinearClientOptions? linearOptions = null)
{
    /// <param name="requested">The window the options name, resolved against the calendar; null to check today.</param>
    public async Task RunAsync(CheckReport report, DateTimeOffset now, Func<CourseCalendar, ReportWindow>? requested, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Pass("config", $"{config.SourcePath} is valid");
        CourseCalendar? calendar = null;
        ReportWindow? week = null;
        try
        {
            calendar = new CourseCalendar(config.Calendar);
            week = requested is null ? Today(report, calendar, now) : Requested(report, calendar, requested);
        }
        catch (EvidenceException e)
        {
            report.Wrong("calendar", e.Message);
        }

        await GitLabAsync(report, calendar, week, now, ct);
        await NotifyAsync(report, ct);
        if (config.Linear is { } linear)
        {
            await LinearAsync(report, linear, ct);
        }

        if (week is not null)
        {
            Notes(report, week);
        }
    }

    private static ReportWindow? Today(CheckReport report, CourseCalendar calendar, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (calendar.Sprints.Count == 0)
        {
            report.Wrong("calendar.sprints", "no sprints, so --sprint/--week and --all-weeks cannot be used; add your course's sprints, e.g. '- { name: Sprint 1, start: 2025-03-10, weeks: 2 }'");
            return null;
        }

        var week = calendar.CurrentWeek(now);
        if (week.Sprint is not null)
        {
            report.Pass("calendar.sprints", $"today ({day}, {calendar.TimeZoneId}) is in {week.Label}");
            return week;
        }

        var first = calendar.Sprints.Min(s => s.Start);
        var last = calendar.Sprints.Max(s => s.End);
        if (today < first)
        {
            report.Warn("calendar.sprints", $"today ({day}) is before the first sprint, which starts {first:yyyy-MM-dd}; nothing to report yet");
        }
        else if (today > last)
        {
            report.Wrong("calendar.sprints", $"today ({day}) is after the last sprint, which ends {last:yyyy-MM-dd}; check the sprints' dates (the year too), or name the week to check with --sprint N --week M");
        }
        else
        {
            report.Warn("calendar.sprints", $"today ({day}) falls between sprints; --current-week gives the Monday–Sunday week");
        }

        return null;
    }

    private static ReportWindow Requested(CheckReport report, CourseCalendar calendar, Func<CourseCalendar, ReportWindow> requested)
    {
        var week = requested(calendar);
        if (week.Sprint is null)
        {
            report.Warn("calendar.sprints", $"{week.Label} is not a week of calendar.sprints; reports of it are titled by its dates");
        }
        else
        {
            report.Pass("calendar.sprints", $"{week.Label} is {week.Start:yyyy-MM-dd} to {week.End:yyyy-MM-dd} ({calendar.TimeZoneId})");
        }

        return week;
    }

    private async Task GitLabAsync(CheckReport report, CourseCalendar? calendar, ReportWindow? week, DateTimeOffset now, CancellationToken ct)
    {
        if (config.GitLab.PlaceholderProblem() is { } placeholder)
        {
            report.Wrong("gitlab.url", placeholder);
            return;
        }

        GitLabClient client;
        try
        {
            client = GitLabClient.FromConfig(config.GitLab, environment, gitLabOptions);
        }
        catch (EvidenceException e)
        {
            report.Wrong("gitlab.token_env", e.Message);
            return;
        }

        using (client)
        {
            try
            {
                await new GitLabCheck(config, report).RunAsync(client, calendar ?? new CourseCalendar(new CalendarConfig()), calendar is null ? null : week, now, ct);
            }
            catch (RemoteServiceException e)
            {
                report.Refused("gitlab", e.Message);
            }
        }
    }

    /// <summary>With <c>notify:</c>, its token is present, accepted and has the <c>api</c> scope that writing notes needs.</summary>
    private async Task NotifyAsync(CheckReport report, CancellationToken ct)
    {
        if (config.Notify is not { } notify || config.GitLab.PlaceholderProblem() is not null)
        {
            return;
        }

        try
        {
            using var client = GitLabClient.FromConfig(config.GitLab with { TokenEnv = notify.TokenEnv }, environment, gitLabOptions, GitLabClientOptions.WriteScope);
            await new GitLabCheck(config, report).TokenAsync(client, "notify.token_env", notify.TokenEnv, GitLabClientOptions.WriteScope, ct);
        }
        catch (EvidenceException e)
        {
            report.Failed("notify.token_env", e);
        }
    }

    private async Task LinearAsync(CheckReport report, LinearConfig linear, CancellationToken ct)
    {
        try
        {
            using var client = LinearClient.FromConfig(linear, environment, linearOptions);
            await new LinearCheck(config, linear, report).RunAsync(client, ct);
        }
        catch (EvidenceException e)
        {
            report.Failed("linear", e);
        }
    }

    private void Notes(CheckReport report, ReportWindow week)
    {
        var baseDirectory = Path.GetDirectoryName(config.SourcePath)!;
        foreach (var student in config.Students)
        {
            var member = config.IsTeam ? student.Username : null;
            if (WeekNotes.Check(config.NotesDirectory, week, member, baseDirectory) is { } missing)
            {
                report.Warn("notes", missing.ToString());
            }
            else
            {
                report.Pass("notes", $"{WeekNotes.Shown(WeekNotes.PathOf(config.NotesDirectory, week, member), baseDirectory)} is there");
            }
        }
    }
}
