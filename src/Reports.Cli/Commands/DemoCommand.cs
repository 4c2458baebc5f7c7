using System.CommandLine;
using System.Reflection;
using Reports.Model;
using Reports.Cli.Demo;
using Reports.Notes;
using Reports.Site;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary><c>evidence demo</c>: renders the bundled sample week, or with <c>--team</c> a demo team built from it; no config, no network.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the site into.", DefaultValueFactory = _ => new DirectoryInfo("output") };
        var team = new Option<bool>("--team") { Description = "Render a demo team instead: the sample as four students × three weeks, with the team page." };
        var format = CommonOptions.Format(readsConfig: false);
        var command = new Command("demo", "Render the bundled sample week (no config, no network) and print the paths written.") { output, team, format };
        Examples.Add(command, [
            ("evidence demo", "the sample week into output/"),
            ("evidence demo --team --out demo", "a demo team of four students and three weeks"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, (stdout, ct) =>
        {
            var snapshot = SnapshotSerializer.Deserialize(ReadResource("demo/sample-snapshot.json"), "bundled sample");
            var notes = NotesParser.Parse(ReadResource("demo/sample-notes.md"));
            var generator = RunWiring.ReportGenerator(parse, null, null);
            var folder = parse.GetValue(output)!.FullName;
            var site = RunWiring.Site(parse, format, null);
            var log = RunLog.For(parse, stdout);
            if (!parse.GetValue(team))
            {
                log.Wrote(generator.RenderAndWrite([(snapshot, notes)], folder, SiteLayout.Single, site, ct), 1, 1, RunWiring.SiteIndex(folder, site));
                return;
            }

            var students = DemoTeam.Students(snapshot);
            log.Wrote(DemoTeamSite(generator, snapshot, notes, folder, site, ct), students.Count * DemoTeam.Weeks(snapshot, notes).Count / students.Count, students.Count, RunWiring.SiteIndex(folder, site));
        }));
        return command;
    }

    private static IReadOnlyList<string> DemoTeamSite(ReportGenerator generator, Snapshot snapshot, NarrativeNotes notes, string folder, Config.SiteConfig site, CancellationToken ct)
    {
        var (weeks, students) = (DemoTeam.Weeks(snapshot, notes), DemoTeam.Students(snapshot));
        return generator.RenderAndWrite(weeks, DemoTeam.TeamWeeks(weeks, students), folder, SiteLayout.Team(students), site, ct);
    }

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new LocalFileException($"the bundled resource '{name}' is missing; reinstall evidence");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
