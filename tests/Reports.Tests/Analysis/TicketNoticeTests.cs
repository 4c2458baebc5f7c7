using Reports.Analysis;
using Reports.Config;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Analysis;

/// <summary>
/// docs/rules.md "Automation": a ticket-notifier note (the marker, or a <c>Code | Title | Status</c>
/// table inside <c>&lt;details&gt;</c>) is shown as the tickets it lists.
/// </summary>
public sealed class TicketNoticeTests
{
    public static TheoryData<string, string[]?> Notes => new()
    {
        {
            "**Linear tickets**\n\n<details><summary>2 tickets</summary>\n\n| Code | Title | Status |\n|---|---|---|\n| SIRA-125 | Cancel invoice | In Review |\n| [SIRA-126](https://linear.app/sira/issue/SIRA-126/x) | Refunds | Todo |\n\n</details>",
            ["SIRA-125", "SIRA-126"]
        },
        {
            "<details>\r\n<summary>Linear</summary>\r\n\r\n| **Code** | **Title** | **Status** |\r\n| --- | --- | --- |\r\n| sira-7 | Login | Done |\r\n</details>",
            ["SIRA-7"]
        },
        { TicketNotice.Marker + "\n**Linear tickets**\n\n<details><summary>No linked tickets</summary>\n\nAdd SIRA-123 to the branch.\n</details>", [] },
        { TicketNotice.Marker + "\n| Code | Title | Status |\n|---|---|---|\n| SIRA-9 | UTF-8 names | Done |", ["SIRA-9"] },
        { "**Linear tickets**\n\n| Code | Title | Status |\n|---|---|---|\n| SIRA-125 | Cancel invoice | In Review |", null },
        { "<details><summary>Coverage</summary>\n\n| File | Lines | Branches |\n|---|---|---|\n| a.py | 90% | 80% |\n</details>", null },
        { "**Deploy preview** ready: SIRA-125 on slot green.", null },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void A_ticket_notifier_note_is_read_for_the_identifiers_it_lists(string body, string[]? tickets)
    {
        var found = TicketNotice.Tickets(body);

        if (tickets is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Equal(tickets, found);
        }
    }

    [Fact]
    public void The_report_shows_a_notifier_note_as_its_tickets_and_other_bot_notes_as_their_first_line_rendered_safely()
    {
        var templates = new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory));
        var generator = new ReportGenerator(templates, ConfigSchema.Review.DefaultLevels);

        var report = generator.Render(Snapshots.Sample(), NarrativeNotes.Empty).Report;
        var markdown = report.Markdown;
        var automation = markdown[markdown.IndexOf("## 6.", StringComparison.Ordinal)..markdown.IndexOf("## Evidence", StringComparison.Ordinal)];

        Assert.Contains("#note_4310): Linear ticket notice listing SIRA-125\n", markdown, StringComparison.Ordinal);
        Assert.Contains("#note_4303): Linear ticket notice listing no tickets\n", markdown, StringComparison.Ordinal);
        Assert.Contains("#note_4317): **Deploy preview** ready", markdown, StringComparison.Ordinal);
        Assert.Contains("<strong>Deploy preview</strong> ready", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("details", automation, StringComparison.Ordinal);
    }
}
