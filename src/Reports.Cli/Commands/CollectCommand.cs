using System.CommandLine;
using Reports.Files;
using Reports.Model;
using Reports.Site;

namespace Reports.Cli.Commands;

/// <summary><c>evidence collect</c>: GitLab → snapshot JSON for one window (one file per student and the team's for a team); renders nothing.</summary>
internal static class CollectCommand
{
    public static Command Create(TimeProvider time)
    {
        var collection = new CollectionOptions();
        var snapshotOption = new Option<FileInfo>("--snapshot", "-s") { Description = "File to write the snapshot JSON to; for a team (students:), a folder that gets one {username}.json per student.", Required = true };
        var teamOption = new Option<string>("--team")
        {
            Description = "With a roster's teams: collect this team only (its students' snapshots and the team's).",
            HelpName = "NAME",
        };
        var command = new Command("collect", "Collect one window's facts from GitLab (and Linear) into a snapshot file.") { snapshotOption, teamOption };
        collection.AddTo(command);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var config = collection.LoadConfig(parse);
            if (parse.GetValue(teamOption) is { } team)
            {
                config = config.ForTeam(team);
            }

            using var collector = collection.Collector(parse, config, time);
            var windows = collection.Windows(parse, collector, time);
            if (windows.Count != 1)
            {
                throw new EvidenceException("collect writes one snapshot: choose one window (--sprint/--week, --from/--to or --current-week), or use 'build --all-weeks'");
            }

            var (snapshots, teamSnapshot) = await CollectionOptions.CollectTeamAsync(parse, config, collector, windows[0], ct);
            var path = parse.GetValue(snapshotOption)!.FullName;
            if (!config.IsTeam)
            {
                AtomicFile.WriteAllText(path, SnapshotSerializer.Serialize(snapshots[0]));
                stdout.WriteLine(path);
                return;
            }

            // A team's snapshots are replaced together, like a site's files: DIR/{username}.json each.
            // With the team's own snapshot (reviews and approvals across the team) beside them: DIR/team.snapshot.json.
            var files = snapshots.Select(s => new SiteFile($"{s.Student.Username}.json", SnapshotSerializer.Serialize(s)))
                .Append(new SiteFile(TeamSnapshotSerializer.FileName, TeamSnapshotSerializer.Serialize(teamSnapshot))).ToList();
            RunWiring.Print(stdout, new SiteCommit(path).Commit(files, ct));
        }));
        return command;
    }
}
