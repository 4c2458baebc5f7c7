using Reports.Config;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

/// <summary>The engine is built once and then frozen: templates parsed up front, renders independent of each other.</summary>
public sealed class TemplateEngineTests
{
    [Fact]
    public void Renders_in_parallel_give_the_same_bytes_as_one_at_a_time()
    {
        var generator = new Generator(new TemplateEngine(new TemplateRoots(RepoPaths.Templates)), ReviewConfig.DefaultLevels);
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

        var report = new Generator(engine, ReviewConfig.DefaultLevels).Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;

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
}
