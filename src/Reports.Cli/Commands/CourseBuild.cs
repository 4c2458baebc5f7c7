using System.CommandLine;
using Reports.Calendar;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary>
/// <c>evidence build</c> of a course (a roster with <c>teams:</c>): every team collected once per
/// window, a few teams at a time (each with its own projects, Linear workspace and tokens), then every
/// team's site written into its folder and the course pages above them, in one commit.
/// </summary>
internal static class CourseBuild
{
    /// <summary>Teams collected at once: each is mostly waiting on its servers, and each server has its own request budget.</summary>
    internal const int TeamsAtOnce = 4;

    public static async Task<IReadOnlyList<string>> RunAsync(
        ParseResult parse, CollectionOptions collection, EvidenceConfig config, ReportGenerator generator, string output, Config.SiteConfig site, RunLog log, TimeProvider time, CancellationToken ct)
    {
        var windows = collection.Windows(parse, new CourseCalendar(config.Calendar), time);
        generator.CheckTemplates(config.Course ?? "", new Person(config.Student.Username, config.Student.Name), windows[0]);

        var teams = config.Teams.Select(t => config.ForTeam(t.Name)).ToList();
        var weeks = new List<(Snapshot, NarrativeNotes)>[teams.Count];
        var teamWeeks = new List<TeamSnapshot>[teams.Count];
        var error = TextWriter.Synchronized(parse.InvocationConfiguration.Error);
        await Parallel.ForEachAsync(Enumerable.Range(0, teams.Count), new ParallelOptions { MaxDegreeOfParallelism = TeamsAtOnce, CancellationToken = ct }, async (i, token) =>
        {
            var team = teams[i];
            using var collector = collection.Collector(parse, team, time);
            var layout = RunWiring.Layout(team);
            weeks[i] = [];
            teamWeeks[i] = [];
            foreach (var window in windows)
            {
                var progress = ConsoleProgress.Plain(error, $"{team.TeamName}: collecting {window.Label}");
                var (snapshots, teamWeek) = await collector.CollectTeamAsync(window, team.Students, progress, token);
                teamWeeks[i].Add(teamWeek);
                foreach (var snapshot in snapshots)
                {
                    weeks[i].Add((snapshot, RunWiring.Notes(team, layout, window, snapshot.Student.Username)));
                }
            }
        });

        foreach (var (snapshot, notes) in weeks.SelectMany(w => w))
        {
            log.Warn(snapshot, notes);
        }

        var sites = teams.Select((team, i) =>
        {
            var layout = RunWiring.Layout(team);
            var students = weeks[i].GroupBy(w => layout.FolderOf(w.Item1.Student.Username), StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<(Snapshot, NarrativeNotes)>)[.. g]);
            return (layout, students, generator.TeamWeeks.Pages(teamWeeks[i], weeks[i].Select(w => w.Item1)));
        });
        return generator.RenderAndWriteCourse(sites, output, site, title: null, ct);
    }
}
