using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Reports.Model;
using Reports.Notes;
using Reports.Site;
using Reports.Tests.Support;
using Xunit.Abstractions;

namespace Reports.Tests.Golden;

/// <summary>
/// The seed week (the demo's snapshot) with the seed report's own narrative as notes
/// (<c>Golden/Cases/seed-week/</c>): the report reads like the hand-written seed, in its shape and length.
/// </summary>
public sealed class SeedWeekTests(ITestOutputHelper output)
{
    /// <summary>Words of the hand-written seed report (<c>wc -w</c> of shared/seed/000_c41095860ef59411.txt).</summary>
    private const int SeedWords = 1245;

    private static readonly string Folder = Path.Combine(RepoPaths.Golden, "Cases", "seed-week");

    private static readonly Lazy<(Snapshot Snapshot, NarrativeNotes Notes, string Markdown, IDocument Page)> Week = new(() =>
    {
        var snapshot = SnapshotSerializer.Load(Path.Combine(Folder, "snapshot.json"));
        var notes = NotesParser.Load(Path.Combine(Folder, "notes.md"));
        var report = GoldenTests.NewGenerator().Render(snapshot, notes).Report;
        return (snapshot, notes, report.Markdown, new HtmlParser().ParseDocument(report.Html));
    });

    [Fact]
    public void Report_md_has_at_most_one_and_a_half_times_the_seeds_visible_words()
    {
        var words = VisibleWords.Count(Week.Value.Markdown);
        output.WriteLine($"report.md: {words} visible words; the seed: {SeedWords}; the bound: {SeedWords * 3 / 2}");

        Assert.InRange(words, SeedWords / 2, SeedWords * 3 / 2);
    }

    [Fact]
    public void Sections_carry_the_seeds_titles_under_the_reports_numbers()
    {
        var page = Week.Value.Page;

        Assert.Equal(
            ["Overview", "1. Threaded MR Reviews with Severity Grading", "2. Merge Coordination", "3. Direct Code Contributions to Review Findings",
                "4. Linear Ticket Management", "5. BDD Coverage Planning for the Team", "6. CI Bot and Notification Redesign", "Evidence"],
            page.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.Contains("Review Impact", page.QuerySelectorAll("main h3").Select(h => h.TextContent));
        Assert.Empty(NotesPlacementWarnings());
    }

    [Fact]
    public void A_merge_requests_own_note_and_title_stand_under_its_heading_and_on_its_merge_row()
    {
        var page = Week.Value.Page;
        var heading = page.QuerySelectorAll("main h3").Single(h => h.TextContent.StartsWith("MR !109:", StringComparison.Ordinal));

        Assert.Equal("MR !109: Blue/Green Deployment (16 issues found)", heading.TextContent);
        var note = Following(heading).First(e => e.ClassList.Contains("narrative"));
        Assert.StartsWith("Reviewed dafandikri's blue/green deployment implementation", note.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelectorAll("main table tr").Single(tr => tr.QuerySelector("a")?.TextContent == "!109");
        Assert.Equal("Blue/green deployment (after review fixes)", row.Children[2].TextContent);
        Assert.NotNull(row.Children[2].QuerySelector("span.narrative"));
    }

    [Fact]
    public void The_screenshot_is_shown_from_the_pages_own_folder_with_its_alt_text()
    {
        var image = Assert.Single(Week.Value.Page.QuerySelectorAll("main img"));

        Assert.Equal("review-109.png", image.GetAttribute("src"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.StartsWith("Threaded review on MR !109", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.NotNull(image.Closest("div.narrative"));
        Assert.Contains("![Threaded review on MR !109: severity-graded issues (P0 through P3) with code snippet fixes for each.](review-109.png)", Week.Value.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Levels_after_P0_are_one_line_each_of_findings_linked_to_their_threads()
    {
        var page = Week.Value.Page;

        var p1 = page.QuerySelectorAll("main p").First(p => p.TextContent.StartsWith("P1 issues (4):", StringComparison.Ordinal));
        Assert.Equal(4, p1.QuerySelectorAll("a[href*='#note_']").Length);
        Assert.Contains("Rollback doesn't health-check old containers", p1.TextContent, StringComparison.Ordinal);
        Assert.Equal(["P1 issues (4):", "P2 issues (3):", "P3 issues (4):", "P1 issues (3):", "P3 issues (2):"],
            page.QuerySelectorAll("main p > strong").Select(s => s.TextContent).Where(t => t.Contains(" issues (", StringComparison.Ordinal) && !t.StartsWith("P0", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_finding_and_its_fixes_are_still_on_the_page()
    {
        var (snapshot, _, _, page) = Week.Value;
        var links = page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")).ToHashSet(StringComparer.Ordinal);
        var code = string.Join("\n", page.QuerySelectorAll("main pre code").Select(c => c.TextContent));

        foreach (var thread in snapshot.Reviews.SelectMany(r => r.Threads))
        {
            Assert.Contains(thread.Url, links);
        }

        Assert.Contains("flock -n 9", code, StringComparison.Ordinal);
        Assert.Contains("toBeDisabled()", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_copies_the_screenshot_beside_the_page_byte_for_byte()
    {
        using var site = new TempDirectory();

        var written = GoldenTests.NewGenerator().RenderAndWrite([(Week.Value.Snapshot, Week.Value.Notes)], site.Path);

        var copy = site.Combine("sprint-2-week-1", "review-109.png");
        Assert.Contains(copy, written);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, "review-109.png")), File.ReadAllBytes(copy));
    }

    [Fact]
    public void Text_from_GitLab_naming_the_copied_screenshot_stays_a_link_or_text_never_an_image()
    {
        var (snapshot, notes, _, _) = Week.Value;
        var review = snapshot.Reviews[0];
        var hostile = snapshot with
        {
            Reviews = [review with
            {
                MergeRequest = review.MergeRequest with { Title = "Deploy ![title](review-109.png)" },
                Threads = [.. review.Threads.Select((t, i) => i == 0 ? t with { Body = t.Body + "\n\n![from GitLab](review-109.png) <img src=\"review-109.png\">" } : t)],
            }, .. snapshot.Reviews.Skip(1)],
        };

        var page = new HtmlParser().ParseDocument(GoldenTests.NewGenerator().Render(hostile, notes).Report.Html);

        var image = Assert.Single(page.QuerySelectorAll("img"));
        Assert.NotNull(image.Closest("div.narrative"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.TextContent == "from GitLab" && a.GetAttribute("href")!.StartsWith("https://", StringComparison.Ordinal));
        Assert.Contains("<img src=\"review-109.png\">", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static IEnumerable<IElement> Following(IElement element)
    {
        for (var next = element.NextElementSibling; next is not null && next.LocalName is not ("h2" or "h3"); next = next.NextElementSibling)
        {
            yield return next;
        }
    }

    private static IReadOnlyList<Reports.Model.ReportWarning> NotesPlacementWarnings() =>
        Pipeline.ReportGenerator.Warnings(Week.Value.Snapshot, Week.Value.Notes);
}
