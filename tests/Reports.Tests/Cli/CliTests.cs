using Microsoft.Extensions.Time.Testing;
using Reports.Config;
using Reports.Model;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

public sealed class CliTests
{
    [Fact]
    public async Task Demo_prints_every_path_it_wrote()
    {
        using var output = new TempDirectory();

        var result = await EvidenceCli.RunAsync("demo", "--out", output.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var printed = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(output.Files().Keys.Select(k => output.Combine(k)).Order(), printed.Order());
        Assert.Contains(output.Combine("sprint-2-week-1", "report.md"), printed);
    }

    [Fact]
    public async Task Render_writes_the_report_of_a_snapshot_with_its_notes()
    {
        using var work = new TempDirectory();
        var snapshot = work.Write("week.json", SnapshotSerializer.Serialize(Snapshots.Sample()));
        work.Write("notes/sprint-2-week-1.md", "## Reviews\n\nNarrative from my notes.\n\n## Shout-outs\n\nThanks!\n");
        work.Write("evidence.yml", "student: { username: abhipraya }\ngitlab: { url: https://gitlab.example.com, projects: [ppl/sira] }\n");

        var result = await EvidenceCli.RunAsync("render", "--snapshot", snapshot, "--config", work.Combine("evidence.yml"));

        Assert.Equal(0, result.ExitCode);
        var markdown = File.ReadAllText(work.Combine("output", "sprint-2-week-1", "report.md"));
        Assert.Contains("## 1. Threaded MR Reviews with Severity Grading\n\n<div class=\"narrative\">\n\nNarrative from my notes.\n\n</div>", markdown);
        Assert.Contains("## Shout-outs\n\n<div class=\"narrative\">\n\nThanks!\n\n</div>", markdown);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    [InlineData("newer")]
    public async Task Bad_snapshot_exits_1_with_one_line_and_changes_no_output(string kind)
    {
        using var work = new TempDirectory();
        await EvidenceCli.RunAsync("demo", "--out", work.Combine("site"));
        var before = work.Files();
        var snapshot = kind switch
        {
            "missing" => work.Combine("nope.json"),
            "corrupt" => work.Write("corrupt.json", "{\"schemaVersion\": 1, \"course\": \"PPL\", \"student\": {\"username\": 3"),
            _ => work.Write("newer.json", "{\"schemaVersion\": 99}"),
        };
        before = work.Files();

        var result = await EvidenceCli.RunAsync("render", "--snapshot", snapshot, "--out", work.Combine("site"));

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: snapshot '", result.Error);
        Assert.Equal(before.Keys.Order(), work.Files().Keys.Order());
        Assert.All(work.Files(), f => Assert.Equal(before[f.Key], f.Value));
    }

    [Fact]
    public async Task Template_error_exits_1_with_its_location_and_changes_no_output()
    {
        using var work = new TempDirectory();
        var snapshot = work.Write("week.json", SnapshotSerializer.Serialize(Snapshots.Sample()));
        var template = work.Write("mine/partials/merges.md.sbn", "{{ for m in merges }}\n{{ m.title \n");
        await EvidenceCli.RunAsync("render", "--snapshot", snapshot, "--out", work.Combine("site"));
        var before = work.Files();

        var result = await EvidenceCli.RunAsync("render", "--snapshot", snapshot, "--out", work.Combine("site"), "--templates", work.Combine("mine"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {template}:2:", result.Error);
        Assert.All(work.Files(), f => Assert.Equal(before[f.Key], f.Value));
    }

    [Fact]
    public async Task Templates_export_copies_the_defaults_and_never_overwrites()
    {
        using var work = new TempDirectory();

        var first = await EvidenceCli.RunAsync("templates", "export", work.Combine("t"));
        var second = await EvidenceCli.RunAsync("templates", "export", work.Combine("t"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Templates, "report.md.sbn")), File.ReadAllText(work.Combine("t", "report.md.sbn")));
        Assert.True(File.Exists(work.Combine("t", "partials", "reviews.md.sbn")));
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Error);
    }

    [Fact]
    public async Task Output_that_is_a_file_exits_3_with_one_line_naming_it_and_the_fix()
    {
        using var work = new TempDirectory();
        var blocker = work.Write("site", "a file where the output folder should be");

        var result = await EvidenceCli.RunAsync("demo", "--out", blocker);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(
            $"error: cannot write the site into '{blocker}': it is a file, not a folder; give --out (or output: in evidence.yml) a folder, or move the file away\n",
            result.Error);
        Assert.Equal("a file where the output folder should be", File.ReadAllText(blocker));
        Assert.Equal(["site"], work.Files().Keys);
    }

    [Fact]
    public async Task Unknown_command_is_bad_usage()
    {
        var result = await EvidenceCli.RunAsync("publish");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Init_writes_a_loadable_config_and_this_weeks_notes_and_never_overwrites()
    {
        using var work = new TempDirectory();
        var thursday = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(7)));
        thursday.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

        var first = await EvidenceCli.RunAsync(thursday, "init", "--dir", work.Path, "--username", "abhipraya");
        File.WriteAllText(work.Combine("notes", "sprint-1-week-1.md"), "## Reviews\n\nmine\n");
        var second = await EvidenceCli.RunAsync(thursday, "init", "--dir", work.Path, "--username", "someone-else");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"{work.Combine("notes", "sprint-1-week-1.md")} written", first.Output);
        var config = ConfigLoader.Load(work.Combine("evidence.yml"));
        Assert.Equal("abhipraya", config.Student.Username);
        Assert.Equal(new DateOnly(2026, 11, 23), config.Calendar.Sprints[0].Start);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("exists; left unchanged", second.Output);
        Assert.Equal("## Reviews\n\nmine\n", File.ReadAllText(work.Combine("notes", "sprint-1-week-1.md")));
        Assert.Equal("abhipraya", ConfigLoader.Load(work.Combine("evidence.yml")).Student.Username);
    }

    [Fact]
    public async Task Init_writes_the_json_schema_beside_the_config_and_points_editors_at_it()
    {
        using var work = new TempDirectory();

        var result = await EvidenceCli.RunAsync("init", "--dir", work.Path, "--username", "abhipraya");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ConfigReference.JsonSchema(), File.ReadAllText(work.Combine(ConfigReference.SchemaFileName)));
        var firstLine = File.ReadLines(work.Combine("evidence.yml")).First();
        Assert.Equal($"# yaml-language-server: $schema=./{ConfigReference.SchemaFileName}", firstLine);
    }
}
