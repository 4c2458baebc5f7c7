using System.CommandLine;
using Reports.Calendar;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary>
/// <c>evidence build</c> of a course (a roster with <c>teams:</c>): every team collected once per
/// window, a few teams at a time (each with its own projects, Linear workspace and tokens), each team's
/// site written into its folder as soon as it is collected, and the course pages above them, all in one commit.
/// </summary>
internal static class CourseBuild
{
    /// <summary>
    /// Teams collected at once, the one being written among them: each is mostly waiting on its servers, and each
    /// server has its own request budget.
    /// </summary>
    internal const int TeamsAtOnce = 4;

    public static async Task<IReadOnlyList<string>> RunAsync(
        ParseResult parse, CollectionOptions collection, EvidenceConfig config, ReportGenerator generator, string output, Config.SiteConfig site, RunLog log, TimeProvider time, CancellationToken ct)
    {
        var windows = collection.Windows(parse, new CourseCalendar(config.Calendar), time);
        generator.CheckTemplates(config.Course ?? "", new Person(config.Student.Username, config.Student.Name), windows[0]);

        var teams = config.Teams.Select(t => config.ForTeam(t.Name)).ToList();
        var error = TextWriter.Synchronized(parse.InvocationConfiguration.Error);

        // A team is written as soon as it and the teams before it are collected, and forgotten once written:
        // the few teams collected ahead of the writer are all a course holds in memory, not every team's weeks.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var collected = ParallelInOrder.Ahead(teams, team => CollectAsync(collection, parse, team, windows, error, time, stop.Token), TeamsAtOnce - 1);
        var sites = collected.Select(task =>
        {
            var (team, weeks, teamWeeks) = task.GetAwaiter().GetResult();
            foreach (var (snapshot, notes) in weeks)
            {
                log.Warn(snapshot, notes);
            }

            var layout = RunWiring.Layout(team);
            var students = weeks.GroupBy(w => layout.FolderOf(w.Snapshot.Student.Username), StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<(Snapshot, NarrativeNotes)>)[.. g]);
            return (layout, students, generator.TeamWeeks.Pages(teamWeeks, weeks.Select(w => w.Snapshot)));
        });
        try
        {
            return generator.RenderAndWriteCourse(sites, output, site, title: null, ct);
        }
        finally
        {
            // A failed team or write stops the collections still running.
            await stop.CancelAsync();
        }
    }

    /// <summary>Every window of one team, collected with its own projects, workspace and tokens.</summary>
    private static async Task<(EvidenceConfig Team, List<(Snapshot Snapshot, NarrativeNotes Notes)> Weeks, List<TeamSnapshot> TeamWeeks)> CollectAsync(
        CollectionOptions collection, ParseResult parse, EvidenceConfig team, IReadOnlyList<ReportWindow> windows, TextWriter error, TimeProvider time, CancellationToken ct)
    {
        using var collector = collection.Collector(parse, team, time);
        var layout = RunWiring.Layout(team);
        var weeks = new List<(Snapshot, NarrativeNotes)>();
        var teamWeeks = new List<TeamSnapshot>();
        foreach (var window in windows)
        {
            var progress = ConsoleProgress.Plain(error, $"{team.TeamName}: collecting {window.Label}");
            var (snapshots, teamWeek) = await collector.CollectTeamAsync(window, team.Students, progress, ct);
            teamWeeks.Add(teamWeek);
            weeks.AddRange(snapshots.Select(snapshot => (snapshot, RunWiring.Notes(team, layout, window, snapshot.Student.Username))));
        }

        return (team, weeks, teamWeeks);
    }
}
