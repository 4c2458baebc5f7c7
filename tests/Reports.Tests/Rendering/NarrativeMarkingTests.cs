using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Golden;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

/// <summary>On the page the student's notes are marked as their own words, and the collected facts are not.</summary>
public sealed class NarrativeMarkingTests
{
    private const string ExtraTitle = "Lessons learned";

    // One sentence per section id, plus an extra section, each one findable on the page.
    private static readonly string NotesFile = string.Join("\n\n",
        NarrativeNotes.SectionIds.Select(id => $"## Section {{#{id}}}\n\nNarrative for {id}.")
            .Append($"## {ExtraTitle}\n\nNarrative for the extra section."));

    private static (string Markdown, IDocument Page) Render(string notes)
    {
        var report = GoldenTests.NewGenerator().Render(Snapshots.Sample(), NotesParser.Parse(notes)).Report;
        return (report.Markdown, new HtmlParser().ParseDocument(report.Html));
    }

    [Fact]
    public void Every_placed_notes_section_is_inside_a_narrative_container()
    {
        var (_, page) = Render(NotesFile);

        var narratives = page.QuerySelectorAll($"main div.{NarrativeMarkup.CssClass}");
        var expected = NarrativeNotes.SectionIds.Select(id => $"Narrative for {id}.").Append("Narrative for the extra section.").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), narratives.Select(div => div.TextContent.Trim()).Order(StringComparer.Ordinal));
        var paragraphs = page.QuerySelectorAll("main p").Where(p => p.TextContent.StartsWith("Narrative for", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Count, paragraphs.Count);
        Assert.All(paragraphs, p => Assert.Equal(NarrativeMarkup.CssClass, p.ParentElement!.ClassName));
    }

    [Fact]
    public void No_collected_fact_is_inside_a_narrative_container()
    {
        var (_, page) = Render(NotesFile);

        var facts = page.QuerySelectorAll("main li, main table, main .chart, main h1, main h2, main h3, main h4, main details, main pre").ToList();
        Assert.Contains(facts, e => e.QuerySelector("a")?.TextContent == "thread");
        Assert.All(facts, fact => Assert.Null(fact.Closest($".{NarrativeMarkup.CssClass}")));
        Assert.DoesNotContain(page.QuerySelectorAll($".{NarrativeMarkup.CssClass} a[href]"), a => a.GetAttribute("href")!.StartsWith("https://", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_inside_the_container_still_renders_and_the_Markdown_file_reads_as_Markdown()
    {
        var (markdown, page) = Render("## Reviews\n\nWhat I learned:\n\n- a *point* with `code`\n- a [link](https://example.com/)\n");

        var narrative = Assert.Single(page.QuerySelectorAll($"div.{NarrativeMarkup.CssClass}"));
        Assert.Equal(2, narrative.QuerySelectorAll("ul > li").Length);
        Assert.NotNull(narrative.QuerySelector("em"));
        Assert.NotNull(narrative.QuerySelector("code"));
        Assert.Contains("<div class=\"narrative\">\n\nWhat I learned:\n\n- a *point* with `code`\n- a [link](https://example.com/)\n\n</div>\n", markdown);
    }

    [Fact]
    public void A_week_without_notes_has_no_narrative_container()
    {
        var (markdown, page) = Render("");

        Assert.Empty(page.QuerySelectorAll($".{NarrativeMarkup.CssClass}"));
        Assert.DoesNotContain("narrative", markdown);
    }
}
