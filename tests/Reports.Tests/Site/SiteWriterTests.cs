using System.CommandLine;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Config;
using Reports.Files;
using Reports.Model;
using Reports.Notes;
using Reports.Site;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Site;

public sealed class SiteWriterTests
{
    [Fact]
    public void Files_evidence_did_not_write_are_left_untouched_and_its_own_stray_temp_files_are_removed()
    {
        using var work = new TempDirectory();
        var old = SiteScenario.WriteOldSite(work.Path);
        var stray = TempFile.PathBeside(work.Combine("sprint-2-week-2", "report.md"));
        File.WriteAllBytes(stray, []);
        var lookAlike = work.Write("sprint-2-week-2/not-hidden.evidence-0123456789abcdef0123456789abcdef.tmp", "no leading dot, so not ours");

        new SiteWriter(SiteScenario.Templates, work.Path).Write(SiteScenario.NewWeeks);

        var after = SiteTree.Read(work.Path);
        Assert.All(SiteScenario.Foreign, f => Assert.Equal(f.Value, File.ReadAllText(work.Combine(f.Key))));
        Assert.False(File.Exists(stray));
        Assert.Equal("no leading dot, so not ours", File.ReadAllText(lookAlike));
        Assert.Empty(after.OurTempFiles);
        Assert.False(File.Exists(work.Combine(".evidence-journal.json")));
        // Week 3's report.md and index.html, and the look-alike.
        Assert.Equal(old.Files.Count + 2 + 1, after.Files.Count);
    }

    [Fact]
    public async Task A_folder_where_a_file_goes_fails_before_anything_is_replaced_with_one_line()
    {
        using var work = new TempDirectory();
        var site = work.Combine("site");
        await EvidenceCli.RunAsync("demo", "--out", site);
        work.Write("site/sprint-2-week-2/index.html/kept.txt", "a folder where the week's page goes");
        var before = SiteTree.Read(site);

        var result = await RenderAsync(work, SiteScenario.Week(2), site);

        Assert.Equal(3, result.ExitCode);
        var page = Path.Combine(site, "sprint-2-week-2", "index.html");
        Assert.Equal($"error: cannot write '{page}': a folder is in the way of this file; move it away and run again\n", result.Error);
        Assert.Null(SiteTree.Read(site).Difference(before));
    }

    [Fact]
    public async Task A_file_where_a_folder_goes_fails_before_anything_is_replaced_with_one_line()
    {
        using var work = new TempDirectory();
        var site = work.Combine("site");
        await EvidenceCli.RunAsync("demo", "--out", site);
        work.Write("site/sprint-2-week-2", "a file where the week's folder goes");
        var before = SiteTree.Read(site);

        var result = await RenderAsync(work, SiteScenario.Week(2), site);

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: cannot write '{Path.Combine(site, "sprint-2-week-2", "report.md")}': '{Path.Combine(site, "sprint-2-week-2")}' is a file where a folder must be", result.Error);
        Assert.Null(SiteTree.Read(site).Difference(before));
    }

    [Fact]
    public async Task Merging_a_new_week_into_an_existing_site_keeps_the_weeks_already_there_in_the_index()
    {
        using var work = new TempDirectory();
        var site = work.Combine("site");
        await EvidenceCli.RunAsync("demo", "--out", site);
        var weekOne = File.ReadAllBytes(Path.Combine(site, "sprint-2-week-1", "report.md"));

        var result = await RenderAsync(work, SiteScenario.Week(2), site);

        Assert.Equal(0, result.ExitCode);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("href=\"sprint-2-week-1/", index);
        Assert.Contains("href=\"sprint-2-week-2/", index);
        Assert.True(index.IndexOf("sprint-2-week-2/", StringComparison.Ordinal) < index.IndexOf("sprint-2-week-1/", StringComparison.Ordinal), "newest first");
        Assert.Equal(weekOne, File.ReadAllBytes(Path.Combine(site, "sprint-2-week-1", "report.md")));
    }

    [Fact]
    public void A_writing_run_first_finishes_the_write_a_killed_run_recorded_and_then_indexes_it()
    {
        using var work = new TempDirectory();
        var root = work.Combine("site");
        SiteScenario.WriteOldSite(root);
        var firstRename = new ScriptedFileSystem((_, change) =>
        {
            if (change.StartsWith("rename ", StringComparison.Ordinal) && !change.EndsWith(".evidence-journal.json", StringComparison.Ordinal))
            {
                throw new IOException("killed");
            }
        });
        Assert.Throws<LocalFileException>(() => new SiteWriter(SiteScenario.Templates, root, firstRename).Write(SiteScenario.NewWeeks));
        Assert.True(File.Exists(Path.Combine(root, ".evidence-journal.json")));
        var weekFour = SiteScenario.Week(4, "Abhipraya Putra");

        new ReportGenerator(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels).RenderAndWrite([(weekFour, NarrativeNotes.Empty)], root);

        var expected = work.Combine("expected");
        SiteScenario.WriteOldSite(expected);
        new SiteWriter(SiteScenario.Templates, expected).Write(SiteScenario.NewWeeks);
        new ReportGenerator(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels).RenderAndWrite([(weekFour, NarrativeNotes.Empty)], expected);
        Assert.Null(SiteTree.Read(root).Difference(SiteTree.Read(expected)));
        var index = File.ReadAllText(Path.Combine(root, "index.html"));
        Assert.All(new[] { 1, 2, 3, 4 }, w => Assert.Contains($"href=\"sprint-2-week-{w}/", index));
    }

    [Fact]
    public async Task An_interrupted_render_exits_130_and_replaces_nothing()
    {
        using var work = new TempDirectory();
        var site = work.Combine("site");
        SiteScenario.WriteOldSite(site);
        var before = SiteTree.Read(site);
        var snapshot = work.Write("week-1.json", SnapshotSerializer.Serialize(SiteScenario.Week(1, "Abhipraya Putra")));
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();

        var exitCode = await EvidenceCommand.Create().Parse(["render", "--snapshot", snapshot, "--out", site])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null }, interrupt.Token);

        Assert.Equal(130, exitCode);
        Assert.Null(SiteTree.Read(site).Difference(before));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"version\": 2, \"renames\": []}")]
    [InlineData("{\"version\": 1, \"renames\": [{\"from\": \"../.x.evidence-0123456789abcdef0123456789abcdef.tmp\", \"to\": \"../x\"}]}")]
    [InlineData("{\"version\": 1, \"renames\": [{\"from\": \"my-notes.txt\", \"to\": \"index.html\"}]}")]
    public void A_journal_evidence_did_not_write_is_an_error_that_names_it_and_moves_nothing(string journal)
    {
        using var work = new TempDirectory();
        var root = work.Combine("site");
        SiteScenario.WriteOldSite(root);
        File.WriteAllText(Path.Combine(root, ".evidence-journal.json"), journal);
        var before = SiteTree.Read(work.Path);

        var error = Assert.Throws<LocalFileException>(() => new SiteWriter(SiteScenario.Templates, root).Write(SiteScenario.NewWeeks));

        Assert.Equal(ExitCode.LocalIo, CommandRunner.ExitCodeOf(error));
        Assert.StartsWith($"'{Path.Combine(root, ".evidence-journal.json")}' is not a journal this version of evidence wrote; delete it and run again", error.Message);
        Assert.Null(SiteTree.Read(work.Path).Difference(before));
    }

    private static async Task<CliResult> RenderAsync(TempDirectory work, Snapshot snapshot, string site)
    {
        var path = work.Write($"{snapshot.Window.Slug}.json", SnapshotSerializer.Serialize(snapshot));
        return await EvidenceCli.RunAsync("render", "--snapshot", path, "--out", site);
    }
}
