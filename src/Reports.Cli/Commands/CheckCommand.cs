using System.CommandLine;
using Reports.Check;
using Reports.Config;

namespace Reports.Cli.Commands;

/// <summary>
/// <c>evidence check</c>: every item of the config and every remote access a build needs, one line each
/// (✓, ✗ or ! with the fix), in a handful of requests. Exit 0 when nothing failed, 1 when a config item
/// did (1 wins), 2 when GitLab or Linear refused; warnings never change it.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TimeProvider time, Func<string, string?> environment)
    {
        var configOption = CommonOptions.Config();
        var window = new WindowOptions(allWeeks: false, required: false);
        var teamOption = new Option<string>("--team")
        {
            Description = "With a roster's teams: check this team only (its projects and tokens), as its CI matrix job builds it; default: every team.",
            HelpName = "NAME",
        };
        var command = new Command("check", "Check the config, the tokens and what they can read, the calendar and the week's notes file, one line each with the fix; writes nothing.")
        {
            configOption, teamOption,
        };
        window.AddTo(command);
        Examples.Add(command, [
            ("evidence check", "today's week, with evidence.yml in the current folder"),
            ("evidence check --config teams/sira/evidence.yml --sprint 2 --week 1", "a team's config, for one week"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var report = new CheckReport(line => stdout.WriteLine(line.ToString()));
            EvidenceConfig config;
            try
            {
                config = ConfigLoader.Load(parse.GetValue(configOption)?.FullName ?? CommonOptions.DefaultConfigFile, ConfigPurpose.Report, environment);
            }
            catch (EvidenceException e)
            {
                report.Wrong("config", e.Message);
                return Summary(stdout, report);
            }

            var requested = window.Given(parse) ? (Func<Calendar.CourseCalendar, Model.ReportWindow>)(c => window.Resolve(parse, c, time)[0]) : null;
            IReadOnlyList<EvidenceConfig> checkedConfigs;
            try
            {
                checkedConfigs = parse.GetValue(teamOption) is { } team ? [config.ForTeam(team)]
                    : config.IsCourse ? [.. config.Teams.Select(t => config.ForTeam(t.Name))]
                    : [config];
            }
            catch (EvidenceException e)
            {
                report.Wrong("--team", e.Message);
                return Summary(stdout, report);
            }

            foreach (var one in checkedConfigs)
            {
                if (one.TeamName is { } name && checkedConfigs.Count > 1)
                {
                    stdout.WriteLine($"team {name}:");
                }

                await new ConfigCheck(one, environment).RunAsync(report, time.GetUtcNow(), requested, ct);
            }

            return Summary(stdout, report);
        }));
        return command;
    }

    private static ExitCode Summary(TextWriter stdout, CheckReport report)
    {
        var failed = report.Count(CheckStatus.Wrong) + report.Count(CheckStatus.Refused);
        stdout.WriteLine($"check: {report.Count(CheckStatus.Passed)} passed, {failed} failed, {Wording.Plural(report.Count(CheckStatus.Warning), "warning")}");
        return report.Count(CheckStatus.Wrong) > 0 ? ExitCode.InvalidInput
            : report.Count(CheckStatus.Refused) > 0 ? ExitCode.RemoteFailure
            : ExitCode.Success;
    }
}
