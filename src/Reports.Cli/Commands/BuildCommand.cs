using System.CommandLine;
using Reports.Model;
using Reports.Notes;

namespace Reports.Cli.Commands;

/// <summary><c>evidence build</c>: collect every window named, then render them all and write the site.</summary>
internal static class BuildCommand
{
    public static Command Create(TimeProvider time)
    {
        var configOption = CommonOptions.Config();
        var window = new WindowOptions();
        var outOption = CommonOptions.Out();
        var templatesOption = CommonOptions.Templates();
        var noCache = CommonOptions.NoCache();
        var command = new Command("build", "Collect from GitLab and render the report(s) for the window.") { configOption, outOption, templatesOption, noCache };
        window.AddTo(command);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var config = CommonOptions.LoadConfig(parse, configOption, required: true)!;
            var generator = RunWiring.Generator(parse, templatesOption, config);
            using var collector = RunWiring.Collector(parse, noCache, config, time);
            var windows = window.Resolve(parse, collector.Calendar, time);
            generator.CheckTemplates(config.Course ?? "", new Person(config.Student.Username, config.Student.Name), windows[0]);

            var weeks = new List<(Snapshot, NarrativeNotes)>();
            foreach (var w in windows)
            {
                weeks.Add((await RunWiring.CollectAsync(parse, collector, w, ct), NotesParser.Load(Generator.NotesPath(config.NotesDirectory, w))));
            }

            RunWiring.Print(stdout, generator.RenderAndWrite(weeks, RunWiring.OutputFolder(parse, outOption, config), ct));
        }));
        return command;
    }
}
