using Reports.Analysis;
using Reports.Config;
using Reports.Fakes;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Notify;

/// <summary>docs/rules.md "Automation": the note <c>evidence notify</c> writes is what the report's Automation section reads as a ticket notice.</summary>
public sealed class NotifyAutomationTests
{
    [Fact]
    public async Task The_report_shows_the_note_notify_posted_as_the_tickets_it_lists()
    {
        await using var s = await NotifyScenario.StartAsync();
        s.Refund.Title = "@everyone #1 ~bug | refunds";
        await s.RunAsync();
        var posted = Assert.Single(s.MarkedNotes).Body;

        var sample = Snapshots.Sample();
        var notice = sample.Automation.First(a => a.Note.Url.EndsWith("#note_4310", StringComparison.Ordinal));
        var snapshot = sample with { Automation = [.. sample.Automation.Select(a => a == notice ? a with { Note = a.Note with { Body = posted } } : a)] };
        var generator = new ReportGenerator(new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory)), ConfigSchema.Review.DefaultLevels);

        var entry = AutomationEntry.From(snapshot.Automation.First(a => a.Note.Body == posted));
        var markdown = generator.Render(snapshot, NarrativeNotes.Empty).Report.Markdown;

        Assert.True(entry.IsTicketNotice);
        Assert.Equal(["SIRA-125", "SIRA-214"], entry.Tickets);
        Assert.Contains("#note_4310): Linear ticket notice listing SIRA-125, SIRA-214\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("everyone", markdown[markdown.IndexOf("## 6.", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_slug_in_a_ticket_link_names_no_ticket()
    {
        var body = TicketNotice.Marker + "\n| Code | Title | Status |\n|---|---|---|\n| [SIRA-7](https://linear.app/sira/issue/SIRA-7/fix-2-bugs-in-utf-8) | Fix 2 bugs | Done |";

        Assert.Equal(["SIRA-7"], TicketNotice.Tickets(body));
    }

    [Fact]
    public async Task The_fake_GitLab_refuses_a_note_over_a_million_characters_as_GitLab_does()
    {
        await using var s = await NotifyScenario.StartAsync();
        using var client = GitLab.FastClient.For(s.GitLab, token: NotifyScenario.BotToken);

        var error = await Assert.ThrowsAsync<Reports.GitLab.GitLabException>(() =>
            client.Notes.CreateAsync(s.Project.Path, s.MergeRequest.Iid, new string('x', FakeGitLab.NoteLimit + 1)));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("is too long (maximum is 1000000 characters)", error.Message, StringComparison.Ordinal);
        Assert.Empty(s.MarkedNotes);
    }
}
