using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Site;
using Reports.Site.Hugo;
using Reports.Tests.Golden;
using Reports.Tests.Support;
using YamlDotNet.Serialization;

namespace Reports.Tests.Site;

/// <summary>The Hugo export without Hugo: where the bundles go, their front matter, and Markdown that needs no raw HTML.</summary>
public sealed class HugoExportTests
{
    private static readonly SiteConfig Hugo = new() { Format = SiteFormat.Hugo };

    public static TheoryData<string> Weeks() => ["demo", "untrusted-text"];

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Exported_markdown_has_no_raw_html_for_hugo_to_drop(string name)
    {
        using var site = new TempDirectory();
        var (snapshot, notes) = Week(name);

        GoldenTests.NewGenerator().RenderAndWrite([(snapshot, notes)], site.Path, SiteLayout.Single, Hugo);

        var (front, body) = Split(File.ReadAllText(site.Combine("content", "evidence", "sprint-2-week-1", "index.md")));
        var document = Markdown.Parse(body, MarkdownSyntax.Pipeline);
        var html = document.Descendants().Where(n => n is HtmlBlock or HtmlInline).Select(n => body.Substring(n.Span.Start, Math.Max(0, n.Span.Length))).ToList();
        Assert.True(html.Count == 0, $"raw HTML in the Hugo Markdown: {string.Join(" | ", html)}");

        // The check can see raw HTML: the site's report.md of the same week has its chart and narrative containers.
        var siteMarkdown = GoldenTests.NewGenerator().Render(snapshot, notes).Report.Markdown;
        Assert.NotEmpty(Markdown.Parse(siteMarkdown, MarkdownSyntax.Pipeline).Descendants<HtmlBlock>());
        Assert.DoesNotContain(document.Descendants<HeadingBlock>(), h => h.Level == 1);
        Assert.Contains(document.Descendants<LinkInline>(), l => l.IsImage && l.Url == "activity.svg");
        Assert.NotEmpty(document.Descendants<FencedCodeBlock>());
        Assert.Contains(document.Descendants<QuoteBlock>(), q => q.Descendants<LiteralInline>().Any(l => l.Content.ToString() == "Student's notes"));
        Assert.Equal(snapshot.Course + ": Communication and Knowledge Sharing [Sprint 2, Week 1]", front["title"]);
        Assert.Equal("false", front["draft"]);
    }

    [Fact]
    public async Task Demo_in_hugo_format_writes_bundles_with_the_charts_they_show_and_nothing_else()
    {
        using var site = new TempDirectory();

        var result = await EvidenceCli.RunAsync("demo", "--format", "hugo", "--out", site.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["content/evidence/sprint-2-week-1/activity.svg", "content/evidence/sprint-2-week-1/index.md"],
            site.Files().Keys.Select(k => k.Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", File.ReadAllText(site.Combine("content", "evidence", "sprint-2-week-1", "activity.svg")));
    }

    [Fact]
    public async Task Demo_in_hugo_format_matches_its_golden_files()
    {
        using var site = new TempDirectory();

        await EvidenceCli.RunAsync("demo", "--format", "hugo", "--out", site.Path);

        foreach (var (relative, bytes) in site.Files())
        {
            GoldenFile.AssertMatches(Path.Combine(RepoPaths.Golden, "demo-hugo", relative), System.Text.Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public async Task A_team_in_hugo_format_nests_each_students_bundles_under_their_username()
    {
        using var site = new TempDirectory();

        var result = await EvidenceCli.RunAsync("demo", "--team", "--format", "hugo", "--out", site.Path);

        Assert.Equal(0, result.ExitCode);
        var pages = site.Files().Keys.Select(k => k.Replace('\\', '/')).Where(k => k.EndsWith("/index.md", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, pages.Count);
        Assert.Contains("content/evidence/bintang/sprint-2-week-2/index.md", pages);
        var (front, _) = Split(File.ReadAllText(site.Combine("content", "evidence", "bintang", "sprint-2-week-2", "index.md")));
        Assert.StartsWith("Bintang Pratama: PPL: ", (string)front["title"]);
        Assert.Contains("bintang", (List<object>)front["tags"]);
    }

    [Fact]
    public void The_section_comes_from_site_hugo_section()
    {
        using var site = new TempDirectory();

        var written = GoldenTests.NewGenerator().RenderAndWrite([(Snapshots.EmptyWeek(), NarrativeNotes.Empty)], site.Path, SiteLayout.Single, Hugo with { HugoSection = "ppl-reports" });

        Assert.Equal([site.Combine("content", "ppl-reports", "sprint-2-week-2", "index.md")], written);
    }

    [Theory]
    [InlineData("PPL \"quoted\": a # not a comment")]
    [InlineData("line one\n---\ndraft: true\nevil: yes")]
    [InlineData("- [list] {map: 1} &anchor *alias !tag | > % @ `")]
    [InlineData("tab\tcontrol\u0001bell\u0007 and emoji 🙂 and \u2028 separator")]
    [InlineData("' single ' quotes '' and trailing backslash \\")]
    public void Front_matter_keeps_untrusted_strings_as_one_yaml_string(string course)
    {
        using var site = new TempDirectory();
        var week = Snapshots.EmptyWeek() with { Course = course };

        GoldenTests.NewGenerator().RenderAndWrite([(week, NarrativeNotes.Empty)], site.Path, SiteLayout.Single, Hugo);

        var text = File.ReadAllText(site.Combine("content", "evidence", "sprint-2-week-2", "index.md"));
        var (front, _) = Split(text);
        Assert.Equal(["title", "date", "draft", "tags", "summary"], front.Keys);
        Assert.Equal($"{course}: Communication and Knowledge Sharing [Sprint 2, Week 2]", front["title"]);
        Assert.Equal(course, ((List<object>)front["tags"])[0]);
    }

    [Fact]
    public void The_date_is_from_the_data_in_the_course_time_zone()
    {
        using var site = new TempDirectory();

        GoldenTests.NewGenerator().RenderAndWrite([(Snapshots.Sample(), NarrativeNotes.Empty)], site.Path, SiteLayout.Single, Hugo);

        var (front, _) = Split(File.ReadAllText(site.Combine("content", "evidence", "sprint-2-week-1", "index.md")));
        Assert.Equal("2025-03-31T00:00:00+07:00", front["date"]);
    }

    [Fact]
    public async Task An_unknown_format_is_bad_usage()
    {
        using var site = new TempDirectory();

        var result = await EvidenceCli.RunAsync("demo", "--format", "pdf", "--out", site.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(site.Files());
    }

    internal static (Snapshot Snapshot, NarrativeNotes Notes) Week(string name) => name == "demo"
        ? (Snapshots.Sample(), NotesParser.Load(RepoPaths.DemoNotes))
        : (SnapshotSerializer.Load(Path.Combine(RepoPaths.Golden, "Cases", name, "snapshot.json")), NotesParser.Load(Path.Combine(RepoPaths.Golden, "Cases", name, "notes.md")));

    /// <summary>The front matter as YAML maps it, and the Markdown after it.</summary>
    internal static (Dictionary<string, object> Front, string Body) Split(string page)
    {
        Assert.StartsWith("---\n", page);
        var end = page.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        Assert.True(end > 0, "the front matter is not closed");
        var front = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(page[4..(end + 1)]);
        return (front, page[(end + 5)..]);
    }
}
