using System.Diagnostics;
using System.Globalization;
using System.Text;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Site;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Site;

/// <summary>
/// Runs the real <c>evidence</c> process, makes it block before each of its file changes in turn
/// (<c>EVIDENCE_TEST_COMMIT_PAUSE</c>) and kills it there with SIGKILL.
/// </summary>
public sealed class SiteCommitKillTests
{
    private static readonly string EvidenceDll = Path.Combine(AppContext.BaseDirectory, "evidence.dll");

    // Set by the SDK for the processes that 'dotnet test' starts.
    private static readonly string DotnetHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    [Fact]
    public async Task Killing_evidence_at_any_change_leaves_the_whole_old_site_or_after_the_next_run_the_whole_new_one()
    {
        using var work = new TempDirectory();
        var old = SiteScenario.WriteOldSite(work.Combine("old"));
        var snapshot = work.Write("week-2.json", SnapshotSerializer.Serialize(SiteScenario.Week(2, "Abhipraya Putra")));
        var notes = work.Write("notes/sprint-2-week-2.md", "## Overview\n\nNew narrative.\n");
        var expectedRoot = work.Combine("expected");
        old.CopyTo(expectedRoot);
        new ReportGenerator(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels).RenderAndWrite([(SiteScenario.Week(2, "Abhipraya Putra"), NotesParser.Load(notes))], expectedRoot);
        var expected = SiteTree.Read(expectedRoot);
        // The week's report.md and index.html, the list of weeks, the index and the feed.
        Assert.Equal(5, expected.Files.Count(f => !old.Files.TryGetValue(f.Key, out var before) || !before.AsSpan().SequenceEqual(f.Value)));
        var outcomes = new List<string>();

        for (var at = 0; ; at++)
        {
            var root = work.Combine($"run-{at}");
            old.CopyTo(root);

            var run = await RunUntilPausedAsync(work.Path, at, "render", "--snapshot", snapshot, "--out", root);

            if (run.KilledBefore is null)
            {
                Assert.True(run.ExitCode == 0, run.Error);
                Assert.Null(SiteTree.Read(root).Difference(expected));
                break;
            }

            Assert.Equal(137, run.ExitCode);
            var journaled = File.Exists(Path.Combine(root, ".evidence-journal.json"));
            var where = $"killed before {run.KilledBefore} (change {at}), journal {(journaled ? "written" : "not written")}";
            if (!journaled)
            {
                Assert.True(SiteTree.Read(root).Visible().SameAs(old, filesOnly: true), $"{where}: {SiteTree.Read(root).Visible().Difference(old, filesOnly: true)}");
            }

            // What the next writing run does first.
            new SiteCommit(root).Recover();

            var wanted = journaled ? expected : old;
            Assert.True(SiteTree.Read(root).SameAs(wanted), $"{where}, after recovery: {SiteTree.Read(root).Difference(wanted)}");
            outcomes.Add(journaled ? "new" : "old");
        }

        // Five temp files and the journal's own before the commit point; five renames and the journal's removal after it.
        Assert.Equal(["old", "old", "old", "old", "old", "old", "old", "new", "new", "new", "new", "new", "new"], outcomes);
    }

    private static async Task<ProcessRun> RunUntilPausedAsync(string workingDirectory, int pauseAt, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EvidenceDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["EVIDENCE_TEST_COMMIT_PAUSE"] = pauseAt.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = new StringBuilder();
            while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                error.AppendLine(line);
                const string paused = "evidence-test: paused before ";
                if (line.StartsWith(paused, StringComparison.Ordinal))
                {
                    // SIGKILL on Unix: no handler, no finally, no flush runs in the process.
                    process.Kill();
                    await process.WaitForExitAsync(timeout.Token);
                    return new ProcessRun(line[paused.Length..], process.ExitCode, error.ToString());
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            await output;
            return new ProcessRun(null, process.ExitCode, error.ToString());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private sealed record ProcessRun(string? KilledBefore, int ExitCode, string Error);
}
