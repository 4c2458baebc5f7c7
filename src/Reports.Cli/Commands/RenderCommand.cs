using System.CommandLine;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;

namespace Reports.Cli.Commands;

/// <summary><c>evidence render --snapshot FILE</c>: the offline half, from a snapshot to the site.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var snapshotOption = new Option<FileInfo>("--snapshot", "-s") { Description = "Snapshot JSON written by 'evidence collect'.", Required = true };
        var configOption = CommonOptions.Config();
        var outOption = CommonOptions.Out();
        var templatesOption = CommonOptions.Templates();
        var command = new Command("render", "Render a snapshot (and its week's notes) to Markdown and HTML; needs no network.")
        {
            snapshotOption, configOption, outOption, templatesOption,
        };
        command.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, (stdout, ct) =>
        {
            var config = CommonOptions.LoadConfig(parse, configOption, required: false);
            var snapshot = SnapshotSerializer.Load(parse.GetValue(snapshotOption)!.FullName);
            var notesDirectory = config?.NotesDirectory ?? Path.GetFullPath("notes");
            var notes = NotesParser.Load(Generator.NotesPath(notesDirectory, snapshot.Window));
            var templates = new TemplateEngine(new TemplateRoots(
                TemplateRoots.ShippedDirectory,
                parse.GetValue(templatesOption)?.FullName ?? config?.TemplatesDirectory));
            var output = parse.GetValue(outOption)?.FullName ?? config?.OutputDirectory ?? Path.GetFullPath("output");

            var generator = new Generator(templates, config?.Review.Levels ?? ReviewConfig.DefaultLevels);
            foreach (var path in generator.RenderAndWrite([(snapshot, notes)], output, ct))
            {
                stdout.WriteLine(path);
            }
        }));
        return command;
    }
}
