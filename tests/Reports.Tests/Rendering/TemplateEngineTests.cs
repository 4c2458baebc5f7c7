using Reports.Config;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Golden;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Rendering;

/// <summary>The engine is built once and then frozen: templates parsed up front, renders independent of each other.</summary>
public sealed class TemplateEngineTests
{
    [Fact]
    public void Renders_in_parallel_give_the_same_bytes_as_one_at_a_time()
    {
        var generator = new ReportGenerator(new TemplateEngine(new TemplateRoots(RepoPaths.Templates)), ConfigSchema.Review.DefaultLevels);
        var snapshot = Snapshots.Sample();
        var expected = generator.Render(snapshot, NarrativeNotes.Empty).Report;

        var results = new Reports.Rendering.RenderedReport[16];
        Parallel.For(0, results.Length, i => results[i] = generator.Render(snapshot, NarrativeNotes.Empty).Report);

        Assert.All(results, r => Assert.Equal((expected.Markdown, expected.Html), (r.Markdown, r.Html)));
    }

    [Fact]
    public void Templates_are_read_once_when_the_engine_is_built()
    {
        using var copy = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Templates, "*", SearchOption.AllDirectories))
        {
            copy.Write(Path.GetRelativePath(RepoPaths.Templates, file), File.ReadAllText(file));
        }

        var engine = new TemplateEngine(new TemplateRoots(copy.Path));
        Directory.Delete(copy.Combine("partials"), recursive: true);
        File.Delete(copy.Combine("style.css"));

        var report = new ReportGenerator(engine, ConfigSchema.Review.DefaultLevels).Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;

        Assert.Contains("## 2. ", report.Markdown);
        Assert.Contains("<style>", report.Html);
    }

    [Fact]
    public void A_broken_override_fails_when_the_engine_is_built_before_any_work()
    {
        using var overrides = new TempDirectory();
        var path = overrides.Write("partials/unused.md.sbn", "{{ if }}\n");

        var error = Assert.Throws<EvidenceException>(() => new TemplateEngine(new TemplateRoots(RepoPaths.Templates, overrides.Path)));

        Assert.StartsWith($"{path}:1:", error.Message);
    }

    [Fact]
    public void Builtin_functions_work_in_an_override()
    {
        using var overrides = new TempDirectory();
        overrides.Write("report.md.sbn", "{{ 'a<b' | html.escape }} {{ 'x' | string.upcase }} {{ [3, 1] | array.sort | array.join ',' }} "
            + "{{ date.parse '2025-03-31' | date.to_string '%Y/%m' }} {{ 7 | math.minus 2 }}\n");

        var report = GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;

        Assert.Equal("a&lt;b X 1,3 2025/03 5\n", report.Markdown);
    }

    [Theory]
    [InlineData("{{ date.format = '%Y' }}")]
    [InlineData("{{ string.shout = 1 }}")]
    public void A_template_cannot_change_the_builtins_other_renders_share(string change)
    {
        using var overrides = new TempDirectory();
        var path = overrides.Write("report.md.sbn", $"# {{{{ title }}}}\n{change}\n");

        var error = Assert.Throws<EvidenceException>(() => GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty));

        Assert.StartsWith($"{path}:2:", error.Message);
    }
}
