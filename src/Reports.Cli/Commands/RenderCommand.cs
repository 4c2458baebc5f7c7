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
        var command = new Command("render", "Render a snapshot (and its week's notes) to Markdown and HTML; needs no network.")
        {
            snapshotOption, configOption, outOption, templatesOption, formatOption, contextOption,
        };
        Examples.Add(command, [
            ("evidence render --snapshot week.json --out output", "the report of a collected week, offline"),
            ("evidence render --snapshot week.json --context context.json", "the model the templates see"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, (stdout, ct) =>
        {
            var config = CommonOptions.LoadConfig(parse, configOption, required: false);
            var snapshot = SnapshotSerializer.Load(parse.GetValue(snapshotOption)!.FullName);
            var layout = RunWiring.Layout(config);
            var notes = RunWiring.Notes(config, layout, snapshot.Window, snapshot.Student.Username);
            var log = RunLog.For(parse, stdout);
            log.Warn([.. snapshot.Warnings ?? [], .. notes.Warnings]);
            var generator = RunWiring.ReportGenerator(parse, templatesOption, config);
            if (parse.GetValue(contextOption) is { } context)
            {
                AtomicFile.WriteAllText(context.FullName, ReportContextJson.Serialize(generator.Analyze(snapshot, notes)));
                log.Flush();
                stdout.WriteLine(context.FullName);
                return;
            }

            var output = RunWiring.OutputFolder(parse, outOption, config);
            var site = RunWiring.Site(parse, formatOption, config);
            log.Wrote(generator.RenderAndWrite([(snapshot, notes)], output, layout, site, ct), 1, 1, RunWiring.SiteIndex(output, site));
        }));
        return command;
    }
}
