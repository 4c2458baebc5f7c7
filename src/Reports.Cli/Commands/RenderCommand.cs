using System.CommandLine;
using Reports.Files;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary><c>evidence render --snapshot FILE</c>: the offline half, from a snapshot to the site (into its student's folder for a team).</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var snapshotOption = new Option<FileInfo>("--snapshot", "-s") { Description = "Snapshot JSON written by 'evidence collect'.", Required = true };
        var configOption = CommonOptions.Config();
        var outOption = CommonOptions.Out();
        var templatesOption = CommonOptions.Templates();
        var formatOption = CommonOptions.Format();
        var contextOption = new Option<FileInfo>("--context")
        {
            Description = "Instead of the site, write the model the templates see (snake_case JSON) to this file, for writing templates.",
        };
        var watchOption = new Option<bool>("--watch")
        {
            Description = "After rendering, render again whenever the notes (or an image beside them), the snapshot or a template override changes, until Ctrl+C.",
        };
        var command = new Command("render", "Render a snapshot (and its week's notes) to Markdown and HTML; needs no network.")
        {
            snapshotOption, configOption, outOption, templatesOption, formatOption, contextOption, watchOption,
        };
        Examples.Add(command, [
            ("evidence render --snapshot week.json --out output", "the report of a collected week, offline"),
            ("evidence render --snapshot week.json --context context.json", "the model the templates see"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var config = CommonOptions.LoadConfig(parse, configOption, required: false);
            var snapshotPath = parse.GetValue(snapshotOption)!.FullName;
            var layout = RunWiring.Layout(config);
            var output = RunWiring.OutputFolder(parse, outOption, config);
            var log = RunLog.For(parse, stdout);
            string? notesPath = null;
            IReadOnlyList<string> Render(CancellationToken token)
            {
                // Everything is read again each time: a watch sees new notes, images, snapshot and templates.
                var snapshot = SnapshotSerializer.Load(snapshotPath);
                notesPath = RunWiring.NotesPath(config, layout, snapshot.Window, snapshot.Student.Username);
                var notes = RunWiring.Notes(config, layout, snapshot.Window, snapshot.Student.Username);
                log.Warn(snapshot, notes);
                var generator = RunWiring.ReportGenerator(parse, templatesOption, config);
                if (parse.GetValue(contextOption) is { } context)
                {
                    AtomicFile.WriteAllText(context.FullName, ReportContextJson.Serialize(generator.Analyze(snapshot, notes)));
                    log.Flush();
                    return [context.FullName];
                }

                var files = generator.RenderAndWrite([(snapshot, notes)], output, layout, RunWiring.Site(parse, formatOption, config), token);
                log.Flush();
                return files;
            }

            var written = Render(ct);
            RunWiring.Print(stdout, written);
            if (parse.GetValue(watchOption) && parse.GetValue(contextOption) is null)
            {
                var overrides = RunWiring.Templates(parse, templatesOption, config).Roots.Overrides;
                var watch = new RenderWatch([snapshotPath], [Path.GetDirectoryName(notesPath!)!, .. overrides is null ? Array.Empty<string>() : [overrides]], output, Render);
                await watch.RunAsync(stdout, parse.InvocationConfiguration.Error, written.FirstOrDefault(RenderWatch.IsPage) ?? written[0], ct);
            }
        }));
        return command;
    }
}
