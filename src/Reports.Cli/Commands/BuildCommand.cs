using System.CommandLine;
using Reports.Model;
using Reports.Notes;

namespace Reports.Cli.Commands;

/// <summary><c>evidence build</c>: collect every window named, then render them all and write the site.</summary>
internal static class BuildCommand
{
    public static Command Create(TimeProvider time)
    {
        var collection = new CollectionOptions();
        var outOption = CommonOptions.Out();
        var templatesOption = CommonOptions.Templates();
        var command = new Command("build", "Collect from GitLab (and Linear) and render the report(s) for the window.") { outOption, templatesOption };
        collection.AddTo(command);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var config = collection.LoadConfig(parse);
            var generator = RunWiring.Generator(parse, templatesOption, config);
            using var collector = collection.Collector(parse, config, time);
            var windows = collection.Windows(parse, collector, time);
            generator.CheckTemplates(config.Course ?? "", new Person(config.Student.Username, config.Student.Name), windows[0]);

            var weeks = new List<(Snapshot, NarrativeNotes)>();
            foreach (var w in windows)
            {
                weeks.Add((await CollectionOptions.CollectAsync(parse, collector, w, ct), NotesParser.Load(Generator.NotesPath(config.NotesDirectory, w))));
            }

            RunWiring.Print(stdout, generator.RenderAndWrite(weeks, RunWiring.OutputFolder(parse, outOption, config), ct));
        }));
        return command;
    }
}
