using System.CommandLine;
using System.Reflection;
using Reports.Model;
using Reports.Notes;

namespace Reports.Cli.Commands;

/// <summary><c>evidence demo</c>: renders the bundled sample week; no config, no network.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the site into.", DefaultValueFactory = _ => new DirectoryInfo("output") };
        var command = new Command("demo", "Render the bundled sample week (no config, no network) and print the paths written.") { output };
        command.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, (stdout, ct) =>
        {
            var snapshot = SnapshotSerializer.Deserialize(ReadResource("demo/sample-snapshot.json"), "bundled sample");
            var notes = NotesParser.Parse(ReadResource("demo/sample-notes.md"));
            RunWiring.Print(stdout, RunWiring.Generator(parse, null, null).RenderAndWrite([(snapshot, notes)], parse.GetValue(output)!.FullName, ct));
        }));
        return command;
    }

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new LocalFileException($"the bundled resource '{name}' is missing; reinstall evidence");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
