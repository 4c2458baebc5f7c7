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
        var collection = new CollectionOptions(allWeeks: false);
        var snapshotOption = new Option<FileInfo>("--snapshot", "-s") { Description = "File to write the snapshot JSON to; for a team (students:), a folder that gets one {username}.json per student.", Required = true };
        var teamOption = new Option<string>("--team")
        {
            Description = "With a roster's teams: collect this team only (its students' snapshots and the team's).",
            HelpName = "NAME",
        };
        var command = new Command("collect", "Collect one window's facts from GitLab (and Linear) into a snapshot file.") { snapshotOption, teamOption };
        collection.AddTo(command);
        Examples.Add(command, [
            ("evidence collect --sprint 2 --week 1 --snapshot week.json", "the week's facts, to render later"),
        ]);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(parse, cancellation, async (stdout, ct) =>
        {
            var config = collection.LoadConfig(parse);
            if (parse.GetValue(teamOption) is { } team)
            {
                config = config.ForTeam(team);
            }

            using var collector = collection.Collector(parse, config, time);
            var windows = collection.Windows(parse, collector, time);
            var (snapshots, teamSnapshot) = await CollectionOptions.CollectTeamAsync(parse, config, collector, windows[0], manyWindows: false, ct);
            var log = RunLog.For(parse, stdout);
            foreach (var snapshot in snapshots)
            {
                // The notes are read when rendering; a missing file is said now, while there is time to write it.
                log.Warn([.. snapshot.Warnings ?? [], .. RunWiring.MissingNotes(config, windows[0], snapshot.Student.Username) is { } missing ? [missing] : Array.Empty<ReportWarning>()]);
            }

            var path = parse.GetValue(snapshotOption)!.FullName;
            if (!config.IsTeam)
            {
                AtomicFile.WriteAllText(path, SnapshotSerializer.Serialize(snapshots[0]));
                log.Flush();
                stdout.WriteLine(path);
                return;
            }

            // A team's snapshots are replaced together, like a site's files: DIR/{username}.json each.
            // With the team's own snapshot (reviews and approvals across the team) beside them: DIR/team.snapshot.json.
            var files = snapshots.Select(s => new SiteFile($"{s.Student.Username}.json", SnapshotSerializer.Serialize(s)))
                .Append(new SiteFile(TeamSnapshotSerializer.FileName, TeamSnapshotSerializer.Serialize(teamSnapshot))).ToList();
            var written = new SiteCommit(path).Commit(files, ct);
            log.Flush();
            RunWiring.Print(stdout, written);
        }));
        return command;
    }
}
