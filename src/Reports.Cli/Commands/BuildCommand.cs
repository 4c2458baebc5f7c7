using System.CommandLine;
using Reports.Model;
using Reports.Notes;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary><c>evidence build</c>: collect every window named (for every student of a team), then render them all and write the site.</summary>
internal static class BuildCommand
{
    public static Command Create(TimeProvider time)
    {
        var collection = new CollectionOptions();
        var outOption = CommonOptions.Out();
        var templatesOption = CommonOptions.Templates();
        var formatOption = CommonOptions.Format();
        var teamOption = new Option<string>("--team")
        {
            Description = "With a roster's teams: build this team only, into OUT/TEAM/ (a CI matrix job); 'evidence course-index' then writes the course pages.",
            HelpName = "NAME",
        };
        var command = new Command("build", "Collect from GitLab (and Linear) and render the report(s) for the window; a course's every team and its course pages.") { outOption, templatesOption, formatOption, teamOption };
        collection.AddTo(command);
        Examples.Add(command, [
            ("evidence build --sprint 2 --week 1", "one week, from evidence.yml in the current folder"),
            ("evidence build --all-weeks --out public", "every week so far with the site index, as CI does"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var config = collection.LoadConfig(parse);
            var generator = RunWiring.ReportGenerator(parse, templatesOption, config);
            if (parse.GetValue(teamOption) is { } team)
            {
                config = config.ForTeam(team);
            }
            else if (config.IsCourse)
            {
                var courseOutput = RunWiring.OutputFolder(parse, outOption, config);
                var courseLog = RunLog.For(parse, stdout);
                var written = await CourseBuild.RunAsync(parse, collection, config, generator, courseOutput, RunWiring.Site(parse, formatOption, config), courseLog, time, ct);
                courseLog.Wrote(written, written.Count(p => p.EndsWith("report.md", StringComparison.Ordinal)), config.Students.Count, Path.Combine(courseOutput, "index.html"));
                return;
            }

            using var collector = collection.Collector(parse, config, time);
            var windows = collection.Windows(parse, collector, time);
            generator.CheckTemplates(config.Course ?? "", new Person(config.Student.Username, config.Student.Name), windows[0]);

            var layout = RunWiring.Layout(config);
            var log = RunLog.For(parse, stdout);
            var weeks = new List<(Snapshot Snapshot, NarrativeNotes Notes)>();
            var teamWeeks = new List<TeamSnapshot>();
            foreach (var w in windows)
            {
                var (snapshots, teamWeek) = await CollectionOptions.CollectTeamAsync(parse, config, collector, w, windows.Count > 1, ct);
                teamWeeks.Add(teamWeek);
                foreach (var snapshot in snapshots)
                {
                    var notes = RunWiring.Notes(config, layout, w, snapshot.Student.Username);
                    log.Warn(snapshot, notes);
                    weeks.Add((snapshot, notes));
                }
            }

            // A team's site also gets the team week of each window (the second report kind).
            var output = RunWiring.OutputFolder(parse, outOption, config);
            var site = RunWiring.Site(parse, formatOption, config);
            log.Wrote(generator.RenderAndWrite(weeks, teamWeeks, output, layout, site, ct), weeks.Count, config.Students.Count, RunWiring.SiteIndex(output, site));
        }));
        return command;
    }
}
