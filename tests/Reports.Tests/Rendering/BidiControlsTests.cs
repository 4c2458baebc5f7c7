using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using Reports.Cli.Commands;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site;
using Reports.Site.Feeds;
using Reports.Tests.Golden;
using Reports.Tests.Site;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Rendering;

/// <summary>A bidirectional control in text from GitLab or Linear shows as &lt;U+202E&gt; wherever the tool writes it.</summary>
public sealed class BidiControlsTests
{
    private const string Controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";

    [Fact]
    public void Each_control_is_shown_as_its_code_point_and_other_text_is_left_alone()
    {
        Assert.Equal(
            "<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069><U+200E><U+200F><U+061C>",
            BidiControls.Reveal(Controls));
        const string Other = "Abhipraya مرحبا שלום zero\u200Bwidth 🙂";
        Assert.Same(Other, BidiControls.Reveal(Other));
    }

    [Fact]
    public void An_mr_title_with_an_override_shows_it_in_the_markdown_and_the_page()
    {
        var sample = Snapshots.Sample();
        var review = sample.Reviews[0];
        var snapshot = sample with { Reviews = [review with { MergeRequest = review.MergeRequest with { Title = "Fix login \u202Egnp.exe" } }, .. sample.Reviews.Skip(1)] };

        var report = GoldenTests.NewGenerator().Render(snapshot, NarrativeNotes.Empty).Report;

        Assert.False(BidiControls.ContainsAny(report.Markdown));
        Assert.False(BidiControls.ContainsAny(report.Html));
        Assert.Contains("### MR !109: Fix login \\<U+202E>gnp.exe", report.Markdown, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(report.Html);
        Assert.Contains(page.QuerySelectorAll("h3"), h => h.TextContent.Contains("Fix login <U+202E>gnp.exe", StringComparison.Ordinal));
    }

    [Fact]
    public void Feeds_show_the_control_in_titles_and_names()
    {
        using var site = new TempDirectory();
        var eve = new Person("eve", "Eve \u202Eevil");
        var week = SiteScenario.Week(1) with { Student = eve, Course = "PPL \u2067x" };

        new ReportGenerator(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels).RenderAndWrite([(week, NarrativeNotes.Empty)], site.Path, SiteLayout.Team([eve]));

        var xml = File.ReadAllText(site.Combine("eve", AtomFeeds.FileName));
        Assert.False(BidiControls.ContainsAny(xml));
        using var reader = XmlReader.Create(site.Combine("eve", AtomFeeds.FileName));
        var item = SyndicationFeed.Load(reader).Items.Single();
        Assert.Equal("Eve <U+202E>evil", item.Authors.Single().Name);
        Assert.StartsWith("PPL <U+2067>x", item.Title.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_pages_show_the_control_in_names_and_titles()
    {
        using var site = new TempDirectory();
        var eve = new Person("eve", "Eve \u202Eevil");
        var week = SiteScenario.Week(1) with { Student = eve, Course = "PPL \u2067x" };

        new ReportGenerator(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels).RenderAndWrite([(week, NarrativeNotes.Empty)], site.Path, SiteLayout.Team([eve]));

        foreach (var page in new[] { site.Combine("index.html"), site.Combine("by-total.html"), site.Combine("eve", "index.html") })
        {
            var html = File.ReadAllText(page);
            Assert.False(BidiControls.ContainsAny(html), page);
            Assert.Contains("Eve <U+202E>evil", new HtmlParser().ParseDocument(html).DocumentElement.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hugo_front_matter_shows_the_control()
    {
        using var site = new TempDirectory();
        var week = Snapshots.EmptyWeek() with { Course = "PPL \u202Ex" };

        GoldenTests.NewGenerator().RenderAndWrite([(week, NarrativeNotes.Empty)], site.Path, SiteLayout.Single, new SiteConfig { Format = SiteFormat.Hugo });

        var page = File.ReadAllText(site.Combine("content", "evidence", "sprint-2-week-2", "index.md"));
        Assert.False(BidiControls.ContainsAny(page));
        var (front, _) = HugoExportTests.Split(page);
        Assert.StartsWith("PPL <U+202E>x: ", (string)front["title"], StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_and_context_json_escape_the_control_and_read_back_the_same_text()
    {
        var sample = Snapshots.Sample();
        var snapshot = sample with { Merges = [sample.Merges[0] with { Title = "Fix \u202Egnp.exe" }, .. sample.Merges.Skip(1)] };

        var json = SnapshotSerializer.Serialize(snapshot);
        var context = ReportContextJson.Serialize(GoldenTests.NewGenerator().Analyze(snapshot, NarrativeNotes.Empty));

        Assert.False(BidiControls.ContainsAny(json));
        Assert.Contains("Fix \\u202Egnp.exe", json, StringComparison.Ordinal);
        Assert.Equal("Fix \u202Egnp.exe", SnapshotSerializer.Deserialize(json, "test").Merges[0].Title);
        Assert.False(BidiControls.ContainsAny(context));
        Assert.Contains("Fix \\u202Egnp.exe", context, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_line_shows_the_control_so_the_terminal_does_not_reorder_it()
    {
        Assert.Equal("error: merge request 'Fix <U+202E>gnp.exe' not found", ErrorLine.Format("merge request 'Fix \u202Egnp.exe' not found"));
    }
}
