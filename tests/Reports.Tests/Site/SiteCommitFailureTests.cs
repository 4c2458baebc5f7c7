using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Site;
using Reports.Tests.Support;

namespace Reports.Tests.Site;

/// <summary>Fails or cancels a multi-week write at each of its file changes in turn and compares the whole tree.</summary>
public sealed class SiteCommitFailureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_failure_at_any_change_leaves_the_whole_old_site_or_after_recovery_the_whole_new_one(bool everyLaterChangeFailsToo)
    {
        using var work = new TempDirectory();
        var old = SiteScenario.WriteOldSite(work.Combine("old"));
        var expected = NewSite(work, old);
        var outcomes = new List<string>();

        for (var at = 0; ; at++)
        {
            var root = work.Combine($"run-{at}");
            old.CopyTo(root);
            var files = ScriptedFileSystem.FailingAt(at, everyLaterChangeFailsToo);

            var failure = Record.Exception(() => new SiteWriter(SiteScenario.Templates, root, files).Write(SiteScenario.NewWeeks));

            if (failure is null)
            {
                Assert.Null(SiteTree.Read(root).Difference(expected));
                break;
            }

            var change = $"failure at change {at} ({files.Changes[at]})";
            var error = Assert.IsType<LocalFileException>(failure);
            Assert.Equal(ExitCode.LocalIo, CommandRunner.ExitCodeOf(error));
            Assert.DoesNotContain('\n', error.Message);
            var journaled = File.Exists(Path.Combine(root, ".evidence-journal.json"));
            if (!journaled)
            {
                // Before the journal nothing may be replaced: readers see the old pages even before the next run.
                Assert.True(SiteTree.Read(root).Visible().SameAs(old, filesOnly: true), $"{change}: {SiteTree.Read(root).Visible().Difference(old, filesOnly: true)}");
            }

            new SiteCommit(root).Recover();

            var after = SiteTree.Read(root);
            var wanted = journaled ? expected : old;
            Assert.True(after.SameAs(wanted, filesOnly: everyLaterChangeFailsToo), $"{change}, journal {(journaled ? "written" : "not written")}, after recovery: {after.Difference(wanted)}");
            outcomes.Add(journaled ? "new" : "old");
        }

        // Ten temp files and the journal before the commit point, ten renames after it.
        Assert.True(outcomes.Count(o => o == "old") >= 12, string.Join(" ", outcomes));
        Assert.True(outcomes.Count(o => o == "new") >= 10, string.Join(" ", outcomes));
    }

    [Fact]
    public void A_failed_run_leaves_the_previous_report_intact()
    {
        using var work = new TempDirectory();
        var old = SiteScenario.WriteOldSite(work.Path);
        var writes = 0;

        // Every report's two files and the list of weeks are written; the site index, after them, cannot be.
        var files = new ScriptedFileSystem((_, change) =>
        {
            if (change.StartsWith("write ", StringComparison.Ordinal) && ++writes == SiteScenario.NewWeeks.Count * 2 + 2)
            {
                throw new IOException("No space left on device");
            }
        });

        var error = Assert.Throws<LocalFileException>(() => new SiteWriter(SiteScenario.Templates, work.Path, files).Write(SiteScenario.NewWeeks));

        Assert.Equal($"cannot write '{work.Combine("index.html")}': No space left on device; nothing in '{work.Path}' was replaced", error.Message);
        Assert.Null(SiteTree.Read(work.Path).Visible().Difference(old));
        new SiteCommit(work.Path).Recover();
        Assert.Null(SiteTree.Read(work.Path).Difference(old));
    }

    [Fact]
    public void Cancelling_before_the_journal_is_written_replaces_nothing_and_after_it_the_commit_completes()
    {
        using var work = new TempDirectory();
        var old = SiteScenario.WriteOldSite(work.Combine("old"));
        var expected = NewSite(work, old);
        var outcomes = new List<string>();

        for (var at = 0; ; at++)
        {
            var root = work.Combine($"run-{at}");
            old.CopyTo(root);
            using var interrupt = new CancellationTokenSource();
            var files = new ScriptedFileSystem((n, _) =>
            {
                if (n == at)
                {
                    interrupt.Cancel();
                }
            });

            var failure = Record.Exception(() => new SiteWriter(SiteScenario.Templates, root, files).Write(SiteScenario.NewWeeks, interrupt.Token));

            var journalWrite = files.Changes.FindIndex(c => c.StartsWith($"write {Path.Combine(root, ".evidence-journal.json")}", StringComparison.Ordinal));
            if (failure is not null)
            {
                Assert.IsType<OperationCanceledException>(failure);
                Assert.True(journalWrite < 0 || at < journalWrite, $"cancelled at change {at}, after the journal");
                Assert.Null(SiteTree.Read(root).Difference(old));
                outcomes.Add("old");
                continue;
            }

            Assert.Null(SiteTree.Read(root).Difference(expected));
            if (!interrupt.IsCancellationRequested)
            {
                break;
            }

            Assert.True(at >= journalWrite, $"cancelled at change {at}, before the journal, yet the commit went on");
            outcomes.Add("new");
        }

        Assert.Contains("old", outcomes);
        Assert.Contains("new", outcomes);
    }

    private static SiteTree NewSite(TempDirectory work, SiteTree old)
    {
        var root = work.Combine("new");
        old.CopyTo(root);
        new SiteWriter(SiteScenario.Templates, root).Write(SiteScenario.NewWeeks);
        var site = SiteTree.Read(root);
        Assert.All(SiteScenario.NewWeeks.SelectMany(w => new[] { "report.md", "index.html" }.Select(f => Path.Combine(w.Item1.Slug, f))).Append("index.html").Append("weeks.json"),
            f => Assert.False(old.Files.TryGetValue(f, out var before) && before.AsSpan().SequenceEqual(site.Files[f]), $"{f} is the same in the old and the new site"));
        return site;
    }
}
