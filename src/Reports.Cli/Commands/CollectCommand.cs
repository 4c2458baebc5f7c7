using System.CommandLine;
using Reports.Files;
using Reports.Model;

namespace Reports.Cli.Commands;

/// <summary><c>evidence collect</c>: GitLab → snapshot JSON for one window; renders nothing.</summary>
internal static class CollectCommand
{
    public static Command Create(TimeProvider time)
    {
        var collection = new CollectionOptions();
        var snapshotOption = new Option<FileInfo>("--snapshot", "-s") { Description = "File to write the snapshot JSON to.", Required = true };
        var command = new Command("collect", "Collect one window's facts from GitLab (and Linear) into a snapshot file.") { snapshotOption };
        collection.AddTo(command);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var config = collection.LoadConfig(parse);
            using var collector = collection.Collector(parse, config, time);
            var windows = collection.Windows(parse, collector, time);
            if (windows.Count != 1)
            {
                throw new EvidenceException("collect writes one snapshot: choose one window (--sprint/--week, --from/--to or --current-week), or use 'build --all-weeks'");
            }

            var snapshot = await CollectionOptions.CollectAsync(parse, collector, windows[0], ct);
            var path = parse.GetValue(snapshotOption)!.FullName;
            AtomicFile.WriteAllText(path, SnapshotSerializer.Serialize(snapshot));
            stdout.WriteLine(path);
        }));
        return command;
    }
}
