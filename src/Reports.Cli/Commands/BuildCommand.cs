using System.CommandLine;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Sources;

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
            CommonOptions.NoteLimits(config, parse.InvocationConfiguration.Error);

            var templates = new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory, parse.GetValue(templatesOption)?.FullName ?? config.TemplatesDirectory));
            var generator = new Generator(templates, config.Review.Levels);
            using var collector = new SnapshotCollector(config, SourceRegistry.FromConfig(config, useCache: !parse.GetValue(noCache)), time);
            var windows = window.Resolve(parse, collector.Calendar, time);
            generator.CheckTemplates(config.Course ?? "", new Person(config.Student.Username, config.Student.Name), windows[0]);

            var weeks = new List<(Snapshot, NarrativeNotes)>();
            foreach (var w in windows)
            {
                var snapshot = await ConsoleProgress.RunAsync(parse.InvocationConfiguration.Error, $"collecting {w.Label}",
                    progress => collector.CollectAsync(w, progress, ct));
                weeks.Add((snapshot, NotesParser.Load(Generator.NotesPath(config.NotesDirectory, w))));
            }

            var output = parse.GetValue(outOption)?.FullName ?? config.OutputDirectory;
            foreach (var path in generator.RenderAndWrite(weeks, output, ct))
            {
                stdout.WriteLine(path);
            }
        }));
        return command;
    }
}
