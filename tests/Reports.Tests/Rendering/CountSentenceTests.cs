using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Pipeline;
using Reports.Rendering;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

/// <summary>Every sentence the default report writes about a count is true, and grammatical, at none, one and many.</summary>
public sealed class CountSentenceTests
{
    private static readonly DateTimeOffset Opened = new(2025, 3, 24, 9, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(0, 0, "(no issues found)", "")]
    [InlineData(1, 1, "(1 issue found)", "The finding includes a suggested fix.")]
    [InlineData(1, 0, "(1 issue found)", "The finding has no suggested fix.")]
    [InlineData(2, 2, "(2 issues found)", "All 2 findings include a suggested fix.")]
    [InlineData(2, 0, "(2 issues found)", "None of the 2 findings has a suggested fix.")]
    [InlineData(3, 1, "(3 issues found)", "1 of 3 findings include a suggested fix.")]
    public void A_review_in_full_counts_its_findings_and_fixes(int findings, int withFix, string heading, string fixes)
    {
        var markdown = Render(Week(Review(findings, withFix, level: "P2")), compactBelow: 0);

        Assert.Contains($"### MR !1: Cancel invoice {heading}\n", markdown, StringComparison.Ordinal);
        if (fixes.Length > 0)
        {
            Assert.Contains("\n" + fixes + "\n", markdown, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("suggested fix.", markdown, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, true, "No P0 or P1 findings; the MR was merged.")]
    [InlineData(0, false, "No P0 or P1 findings.")]
    [InlineData(1, true, "The MR owner addressed the one P0/P1 finding before merge.")]
    [InlineData(2, true, "The MR owner addressed every P0 and P1 (2 of 2) before merge.")]
    [InlineData(1, false, "The MR is not merged yet; 1 of 1 P0/P1 finding is resolved so far.")]
    [InlineData(2, false, "The MR is not merged yet; 2 of 2 P0/P1 findings are resolved so far.")]
    public void A_review_in_full_says_how_its_blockers_fared(int blockers, bool merged, string sentence)
    {
        var review = Review(blockers, 0, level: "P0") with { MergeRequest = Mr(merged) };
        var markdown = Render(Week(blockers == 0 ? Review(1, 0, "P3") with { MergeRequest = Mr(merged) } : review), compactBelow: 0);

        Assert.Contains("\n" + sentence + "\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "no findings")]
    [InlineData(1, "1 finding; P2: [finding 1](")]
    [InlineData(2, "2 findings; P2: [finding 1](")]
    public void A_compact_review_counts_its_findings(int findings, string counted)
    {
        var markdown = Render(Week(Review(findings, 0, "P2")));

        Assert.Contains("- [!1](https://gitlab.example/ppl/sira-backend/-/merge_requests/1) Cancel invoice by froklax: " + counted, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("has a suggested fix", markdown, StringComparison.Ordinal);
        Assert.Equal(findings > 0, markdown.Contains(findings == 1 ? "<summary>The finding in full</summary>" : $"<summary>These {findings} findings in full</summary>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 0, 0, "No Linear tickets created, moved or groomed in this window.", "| 0 · 0 · 0 · 0 |")]
    [InlineData(1, 0, 0, "- Created 1 ticket: ", "| 1 · 0 · 0 · 0 |")]
    [InlineData(3, 1, 0, "- Created 3 tickets: ", "| 3 · 1 · 0 · 0 |")]
    [InlineData(0, 1, 1, "Created 1 sub-issue with 1 planned scenario:", "| 0 · 1 · 0 · 0 |")]
    [InlineData(0, 2, 2, "Created 2 sub-issues with 4 planned scenarios:", "| 0 · 2 · 0 · 0 |")]
    public void Tickets_and_sub_issues_are_counted_the_same_way_in_the_overview_and_their_sections(int tickets, int subIssues, int scenariosEach, string sentence, string overview)
    {
        var created = Enumerable.Range(1, tickets).Select(i => Ticket($"SIRA-{i}", parent: null, scenarios: 0))
            .Concat(Enumerable.Range(1, subIssues).Select(i => Ticket($"SIRA-{100 + i}", parent: "SIRA-99", scenarios: scenariosEach)));
        var markdown = Render(Snapshots.EmptyWeek() with { Tickets = [.. created] });

        Assert.Contains(sentence, markdown, StringComparison.Ordinal);
        Assert.Contains("| Linear tickets created · sub-issues · status updates · groomed " + overview, markdown, StringComparison.Ordinal);
    }

    private static string Render(Snapshot snapshot, int compactBelow = ConfigSchema.Review.DefaultCompactBelow) =>
        new ReportGenerator(new TemplateEngine(new TemplateRoots(RepoPaths.Templates)), new ReviewConfig { CompactBelow = compactBelow })
            .Render(snapshot, NarrativeNotes.Empty).Report.Markdown;

    private static Snapshot Week(ReviewedMergeRequest review) => Snapshots.EmptyWeek() with { Reviews = [review] };

    private static ReviewedMergeRequest Review(int findings, int withFix, string level) => new()
    {
        MergeRequest = Mr(merged: true),
        Threads = [.. Enumerable.Range(1, findings).Select(i => new ReviewThread
        {
            DiscussionId = $"d{i}",
            NoteId = i,
            Body = $"**{level}**: finding {i}" + (i <= withFix ? "\n\n```python\nfix()\n```" : ""),
            CreatedAt = Opened.AddDays(1),
            Url = $"https://gitlab.example/ppl/sira-backend/-/merge_requests/1#note_{i}",
            Resolved = true,
            ResolvedAt = Opened.AddDays(2),
        })],
    };

    private static MergeRequestRef Mr(bool merged) => new()
    {
        Project = "ppl/sira-backend",
        Iid = 1,
        Title = "Cancel invoice",
        Author = new Person("froklax"),
        WebUrl = "https://gitlab.example/ppl/sira-backend/-/merge_requests/1",
        CreatedAt = Opened,
        MergedAt = merged ? Opened.AddDays(3) : null,
        State = merged ? "merged" : "opened",
    };

    private static Ticket Ticket(string identifier, string? parent, int scenarios) => new()
    {
        Identifier = identifier,
        Title = "Ticket " + identifier,
        Url = "https://linear.app/sira/issue/" + identifier,
        State = "Todo",
        CreatedAt = new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(7)),
        CreatedInWindow = true,
        Parent = parent is null ? null : new TicketRef(parent, "Parent", "https://linear.app/sira/issue/" + parent),
        Description = string.Concat(Enumerable.Range(1, scenarios).Select(i => $"Scenario: case {i}\n")),
    };
}
