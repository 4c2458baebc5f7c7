using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Golden;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

/// <summary>No limit cuts a report: a big week renders whole, and a template that runs away fails the run.</summary>
public sealed class LargeReportTests
{
    [Fact]
    public void Week_with_1000_findings_and_a_2_MB_comment_renders_every_section_and_the_last_finding()
    {
        var sample = Snapshots.Sample();
        var reviewed = sample.Reviews[0];
        var start = sample.Reviews[0].Threads[0].CreatedAt;
        var threads = Enumerable.Range(1, 1000).Select(i => reviewed.Threads[0] with
        {
            DiscussionId = i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture),
            NoteId = 900_000 + i,
            CreatedAt = start.AddSeconds(i),
            Url = $"{reviewed.MergeRequest.WebUrl}#note_{900_000 + i}",
            Body = i == 500
                ? "**P2**: a very long finding\n\n" + string.Join('\n', Enumerable.Repeat("word " + new string('x', 95), 20_000))
                : $"**P{i % 4}**: finding number {i}",
        }).ToList();
        var snapshot = sample with { Reviews = [reviewed with { Threads = threads }, .. sample.Reviews.Skip(1)] };

        var report = GoldenTests.NewGenerator().Render(snapshot, NarrativeNotes.Empty).Report;

        Assert.True(report.Markdown.Length > 2_000_000, $"only {report.Markdown.Length} characters");
        foreach (var heading in new[] { "## Overview", "## 1. ", "## 2. ", "## 3. ", "## 4. ", "## 5. ", "## 6. ", "## Evidence" })
        {
            Assert.Contains("\n" + heading, report.Markdown);
        }

        Assert.Contains("finding number 1000", report.Markdown);
        Assert.Contains("finding number 1000", report.Html);
        Assert.Contains("#note_901000", report.Markdown);
        Assert.DoesNotContain("\n...", report.Markdown);
        Assert.EndsWith("</html>\n", report.Html);
    }

    [Fact]
    public void Template_that_writes_past_the_output_limit_fails_naming_the_template_and_the_limit()
    {
        using var overrides = new TempDirectory();
        var path = overrides.Write("report.md.sbn", "# {{ title }}\n{{ for i in 1..80 }}{{ '' | string.pad_left 1048576 }}{{ end }}\n");

        var error = Assert.Throws<EvidenceException>(() => GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty));

        Assert.StartsWith($"{path}:2:", error.Message);
        Assert.Contains(TemplateEngine.OutputLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Template_that_loops_past_the_loop_limit_fails_naming_the_template_and_the_limit()
    {
        using var overrides = new TempDirectory();
        var path = overrides.Write("report.md.sbn", "# {{ title }}\n{{ for i in 1..2000000 }}{{ end }}\n");

        var error = Assert.Throws<EvidenceException>(() => GoldenTests.NewGenerator(overrides.Path).Render(Snapshots.Sample(), NarrativeNotes.Empty));

        Assert.StartsWith($"{path}:2:", error.Message);
        Assert.Contains("1000000", error.Message);
    }

    [Fact]
    public void Details_and_fixes_of_the_tenth_finding_and_later_stay_inside_their_list_item()
    {
        var sample = Snapshots.Sample();
        var reviewed = sample.Reviews[0];
        var threads = Enumerable.Range(1, 12).Select(i => reviewed.Threads[0] with
        {
            DiscussionId = i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture),
            NoteId = 800_000 + i,
            CreatedAt = reviewed.Threads[0].CreatedAt.AddMinutes(i),
            Body = $"**P2**: finding {i}\n\ndetail of finding {i}\n\n```python\nfix_{i}()\n```",
        }).ToList();
        var snapshot = sample with { Reviews = [reviewed with { Threads = threads }] };

        var html = GoldenTests.NewGenerator().Render(snapshot, NarrativeNotes.Empty).Report.Html;

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var items = document.QuerySelectorAll("ol > li").Where(li => li.TextContent.Contains("finding ", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, items.Count);
        for (var i = 1; i <= 12; i++)
        {
            Assert.Contains($"detail of finding {i}", items[i - 1].TextContent, StringComparison.Ordinal);
            Assert.Contains($"fix_{i}()", items[i - 1].QuerySelector("details")?.TextContent ?? "", StringComparison.Ordinal);
        }
    }
}
