using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Golden;

/// <summary>
/// Snapshot JSON in, expected Markdown and HTML out. Each folder under <c>Golden/Cases/</c> holds a
/// <c>snapshot.json</c>, optionally <c>notes.md</c>, and the expected <c>report.md</c> and
/// <c>report.html</c>; <c>Golden/demo/</c> holds what <c>evidence demo</c> writes.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepoPaths.Golden, "Cases")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_renders_to_its_expected_markdown_and_html(string name)
    {
        var folder = Path.Combine(RepoPaths.Golden, "Cases", name);
        var snapshotPath = Path.Combine(folder, "snapshot.json");
        var snapshot = SnapshotSerializer.Load(snapshotPath);
        var notes = NotesParser.Load(Path.Combine(folder, "notes.md"));

        var (report, _) = NewGenerator().Render(snapshot, notes);

        GoldenFile.AssertMatches(Path.Combine(folder, "context.json"), ReportContextJson.Serialize(NewGenerator().Analyze(snapshot, notes)));
        GoldenFile.AssertMatches(Path.Combine(folder, "report.md"), report.Markdown);
        GoldenFile.AssertMatches(Path.Combine(folder, "report.html"), report.Html);
    }

    [Fact]
    public void The_stylesheet_every_page_inlines_is_the_golden_one()
    {
        GoldenFile.AssertMatches(Path.Combine(RepoPaths.Golden, "style.css"), GoldenFile.Stylesheet);
    }

    [Fact]
    public async Task Render_context_of_the_demo_week_is_the_model_its_templates_see()
    {
        using var work = new TempDirectory();
        work.Write("notes/sprint-2-week-1.md", File.ReadAllText(RepoPaths.DemoNotes));
        work.Write("evidence.yml", "student: { username: abhipraya }\ngitlab: { url: https://gitlab.example.com, projects: [ppl/sira] }\n");

        var result = await EvidenceCli.RunAsync("render", "--snapshot", RepoPaths.DemoSnapshot, "--config", work.Combine("evidence.yml"), "--context", work.Combine("context.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(work.Combine("context.json") + "\n", result.Output);
        Assert.False(Directory.Exists(work.Combine("output")), "--context writes the context instead of the site");
        var context = File.ReadAllText(work.Combine("context.json"));
        Assert.DoesNotContain(work.Path, context);
        GoldenFile.AssertMatches(Path.Combine(RepoPaths.Golden, "demo", "context.json"), context);
    }

    [Fact]
    public async Task Demo_writes_the_expected_site()
    {
        using var output = new TempDirectory();

        var result = await EvidenceCli.RunAsync("demo", "--out", output.Path);

        Assert.Equal(0, result.ExitCode);
        var written = output.Files();
        Assert.Equal(["feed.xml", "index.html", "sprint-2-week-1/index.html", "sprint-2-week-1/report.md", "weeks.json"], written.Keys.Order(StringComparer.Ordinal));
        foreach (var (relative, bytes) in written)
        {
            GoldenFile.AssertMatches(Path.Combine(RepoPaths.Golden, "demo", relative), System.Text.Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public async Task Rendering_the_same_snapshot_twice_gives_identical_bytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        await EvidenceCli.RunAsync("demo", "--out", first.Path);
        await EvidenceCli.RunAsync("demo", "--out", second.Path);

        var a = first.Files();
        var b = second.Files();
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a, file => Assert.Equal(file.Value, b[file.Key]));
    }

    [Fact]
    public void Collection_order_does_not_change_the_output()
    {
        var snapshot = Snapshots.Sample();
        var shuffled = snapshot with
        {
            Reviews = [.. snapshot.Reviews.Reverse().Select(r => r with { Threads = [.. r.Threads.Reverse()] })],
            Merges = [.. snapshot.Merges.Reverse()],
            Tickets = [.. snapshot.Tickets.Reverse()],
        };
        var generator = NewGenerator();

        var a = generator.Render(snapshot, NarrativeNotes.Empty).Report;
        var b = generator.Render(SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(shuffled), "shuffled"), NarrativeNotes.Empty).Report;

        Assert.Equal(a.Markdown, b.Markdown);
        Assert.Equal(a.Html, b.Html);
    }

    internal static ReportGenerator NewGenerator(string? overrides = null) =>
        new(new TemplateEngine(new TemplateRoots(RepoPaths.Templates, overrides)), ConfigSchema.Review.DefaultLevels);
}
