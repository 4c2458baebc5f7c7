using Reports.Analysis;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Linear;
using Reports.Notify;
using Reports.Tests.GitLab;

namespace Reports.Tests.Notify;

/// <summary>
/// docs/notify.md: one note per merge request, created once, edited in place, left alone when it
/// already says this; never a teammate's note, never a second copy after a failed POST. Against
/// the fake GitLab and fake Linear over HTTP.
/// </summary>
public sealed class TicketNotifierTests
{
    /// <summary>Each case: what happened before the run, what the run does, and the writes GitLab receives.</summary>
    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "first run", nameof(NotifyAction.Created), ["POST"] },
        { "second run with the same tickets", nameof(NotifyAction.Unchanged), [] },
        { "a ticket's title changed", nameof(NotifyAction.Edited), ["PUT"] },
        { "a ticket's state changed", nameof(NotifyAction.Edited), ["PUT"] },
        { "a teammate's note quotes the marker", nameof(NotifyAction.Created), ["POST"] },
        { "the token was rotated", nameof(NotifyAction.Created), ["POST"] },
        { "no ticket and skip_when_empty", nameof(NotifyAction.Skipped), [] },
        { "no ticket any more and skip_when_empty", nameof(NotifyAction.Edited), ["PUT"] },
        { "no ticket", nameof(NotifyAction.Created), ["POST"] },
        { "dry run", nameof(NotifyAction.Created), [] },
        { "dry run after a title changed", nameof(NotifyAction.Edited), [] },
        { "the POST landed but the connection was reset", nameof(NotifyAction.Created), ["POST"] },
        { "the POST landed but its answer never came", nameof(NotifyAction.Created), ["POST"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Notify_writes_only_what_changed(string situation, string action, string[] writes)
    {
        await using var s = await NotifyScenario.StartAsync();
        var (dryRun, skip, token, options) = (false, false, NotifyScenario.BotToken, (GitLabClientOptions?)null);
        FakeNote? earlier = null;
        switch (situation)
        {
            case "second run with the same tickets":
                await s.RunAsync();
                break;
            case "a ticket's title changed":
            case "dry run after a title changed":
                await s.RunAsync();
                s.Cancel.Title = "Cancel an invoice before it is paid";
                dryRun = situation.StartsWith("dry run", StringComparison.Ordinal);
                break;
            case "a ticket's state changed":
                await s.RunAsync();
                s.Cancel.State = FakeLinearState.Done;
                break;
            case "a teammate's note quotes the marker":
                earlier = s.MergeRequest.AddNote(s.Teammate, $"Quoting the bot:\n{TicketNotice.Marker}\n| Code | Title | Status |", DateTimeOffset.UtcNow).Notes[0];
                break;
            case "the token was rotated":
                await s.RunAsync();
                earlier = s.MarkedNotes.Single();
                var rotated = s.GitLab.AddUser("project_42_bot_9a7c", "sirabot", bot: true);
                token = "glpat-FAKE-r0tated-t0ken";
                s.GitLab.AddToken(token, rotated);
                break;
            case "no ticket and skip_when_empty":
            case "no ticket":
                NoTickets(s);
                skip = situation.EndsWith("skip_when_empty", StringComparison.Ordinal);
                break;
            case "no ticket any more and skip_when_empty":
                await s.RunAsync();
                NoTickets(s);
                skip = true;
                break;
            case "dry run":
                dryRun = true;
                break;
            case "the POST landed but the connection was reset":
                s.GitLab.Fail("/notes", FakeFault.ResetAfterHandling(), method: "POST");
                break;
            case "the POST landed but its answer never came":
                s.GitLab.Fail("/notes", FakeFault.StalledAfterHandling(TimeSpan.FromSeconds(30)), method: "POST");
                options = FastClient.Options with { AttemptTimeout = TimeSpan.FromSeconds(2) };
                break;
        }

        var earlierBody = earlier?.Body;
        s.GitLab.ResetLog();
        s.Linear.ResetLog();

        var result = await s.RunAsync(dryRun, skip, token, options);
        await Task.Delay(100);

        Assert.Equal(action, result.Action.ToString());
        Assert.Equal(dryRun, result.DryRun);
        Assert.Equal(writes, s.GitLab.Writes.Select(w => w.Method));
        Assert.Single(s.Linear.Requests);
        if (earlier is not null)
        {
            Assert.Equal(earlierBody, earlier.Body);
            Assert.Contains(result.Warnings, w => w.Contains($"note {earlier.Id}", StringComparison.Ordinal) && w.Contains("left alone", StringComparison.Ordinal));
        }

        // However it went, at most one note of this run's user carries the marker, and it says what the run rendered.
        var user = token == NotifyScenario.BotToken ? s.Bot.Id : s.MarkedNotes.Last().Author.Id;
        var own = s.MarkedNotes.Where(n => n.Author.Id == user).ToList();
        if (action == nameof(NotifyAction.Skipped) || (dryRun && action == nameof(NotifyAction.Created)))
        {
            Assert.Empty(own);
        }
        else if (!dryRun)
        {
            Assert.Equal(result.Body, Assert.Single(own).Body);
            Assert.Equal(own[0].Id, result.NoteId);
        }
    }

    [Fact]
    public async Task Three_runs_leave_one_bot_note_listing_each_ticket_with_one_write_in_total()
    {
        await using var s = await NotifyScenario.StartAsync();

        var requests = new List<(int GitLab, int Linear)>();
        var writes = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            s.GitLab.ResetLog();
            s.Linear.ResetLog();
            await s.RunAsync();
            requests.Add((s.GitLab.Requests.Count, s.Linear.Requests.Count));
            writes.AddRange(s.GitLab.Writes.Select(w => w.Method));
        }

        // The budget: GET the merge request, GET /user, one page of notes, one Linear query; the POST once,
        // and after it the notes once more, for a duplicate posted by a run at the same time.
        Assert.Equal([(5, 1), (3, 1), (3, 1)], requests);
        Assert.Equal(["POST"], writes);
        var note = Assert.Single(s.MarkedNotes);
        Assert.Equal(s.Bot, note.Author);
        Assert.Equal(["SIRA-125", "SIRA-214"], TicketNotice.Tickets(note.Body));
        var rows = NoteHtml.Rows(note.Body);
        Assert.Equal(
            [["SIRA-125", "Cancel invoice", "In Progress"], ["SIRA-214", "Refund a cancelled invoice", "Todo"]],
            rows.Select(r => r.Select(c => c.Text).ToArray()));
        Assert.All(rows, r => Assert.StartsWith("https://linear.app/", r[0].Link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_branch_naming_SIRA_125_and_a_description_closing_SIRA_214_give_a_two_row_table_summarised_by_its_identifiers()
    {
        await using var s = await NotifyScenario.StartAsync();

        var result = await s.RunAsync(dryRun: true);

        Assert.Equal(2, NoteHtml.Rows(result.Body).Count);
        Assert.Equal("Linear tickets: SIRA-125, SIRA-214", NoteHtml.Summary(result.Body));
        Assert.StartsWith(TicketNotice.Marker + "\n<details>", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_Linear_attached_to_the_merge_request_is_listed_after_those_it_names_and_other_teams_are_not()
    {
        await using var s = await NotifyScenario.StartAsync();
        var attached = s.Linear.AddIssue(s.Team, configure: i => i.Title = "Audit log", number: 300);
        attached.Attachments.Add($"{s.GitLab.BaseUrl.AbsoluteUri.TrimEnd('/')}/ppl/sira-backend/-/merge_requests/{s.MergeRequest.Iid}");
        var ops = s.Linear.AddTeam("OPS");
        s.Linear.AddIssue(ops, configure: i => i.Title = "Rotate keys", number: 7);
        s.MergeRequest.Title = "Cancel invoice (OPS-7, UTF-8)";

        var result = await s.RunAsync(dryRun: true);

        Assert.Equal(["SIRA-125", "SIRA-214", "SIRA-300"], result.Tickets);
        Assert.Single(s.Linear.Requests);
    }

    [Fact]
    public async Task An_identifier_Linear_does_not_know_stays_as_a_row_saying_so()
    {
        await using var s = await NotifyScenario.StartAsync();
        s.MergeRequest.Description = "Closes SIRA-214, see also SIRA-999";

        var result = await s.RunAsync(dryRun: true);

        var rows = NoteHtml.Rows(result.Body);
        Assert.Equal(["SIRA-999", "not found in Linear", ""], rows[2].Select(c => c.Text));
        Assert.Null(rows[2][0].Link);
    }

    [Fact]
    public async Task A_Linear_failure_posts_nothing()
    {
        await using var s = await NotifyScenario.StartAsync();
        s.Linear.Fail(FakeFault.Json(401, """{"errors":[{"message":"Authentication required","extensions":{"code":"AUTHENTICATION_ERROR"}}]}"""));

        await Assert.ThrowsAsync<LinearException>(() => s.RunAsync());

        Assert.Empty(s.GitLab.Writes);
        Assert.Empty(s.MarkedNotes);
    }

    [Fact]
    public async Task A_POST_that_failed_without_landing_is_not_sent_again_and_says_a_rerun_posts_it()
    {
        await using var s = await NotifyScenario.StartAsync();
        s.GitLab.Fail("/notes", FakeFault.ServerError(), times: 5, method: "POST");

        var error = await Assert.ThrowsAsync<GitLabException>(() => s.RunAsync());

        Assert.Single(s.GitLab.Writes);
        Assert.Empty(s.MarkedNotes);
        Assert.Contains("listing the notes again found no such note", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, s.GitLab.Count(r => r.Method == "GET" && r.Path.EndsWith("/notes", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_POST_GitLab_refused_is_reported_without_listing_again()
    {
        await using var s = await NotifyScenario.StartAsync();
        s.GitLab.Fail("/notes", FakeFault.Json(403, """{"message":"403 Forbidden"}"""), method: "POST");

        var error = await Assert.ThrowsAsync<GitLabException>(() => s.RunAsync());

        Assert.Contains("api scope", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, s.GitLab.Count(r => r.Method == "GET" && r.Path.EndsWith("/notes", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Notes_are_read_across_pages_so_a_note_past_the_first_hundred_is_found()
    {
        await using var s = await NotifyScenario.StartAsync();
        await s.RunAsync();
        for (var i = 0; i < 150; i++)
        {
            s.MergeRequest.AddNote(s.Teammate, $"comment {i}", DateTimeOffset.UtcNow.AddMinutes(i + 1));
        }

        s.GitLab.ResetLog();
        var result = await s.RunAsync();

        Assert.Equal(NotifyAction.Unchanged, result.Action);
        Assert.Empty(s.GitLab.Writes);
        Assert.Equal(2, s.GitLab.Count(r => r.Path.EndsWith("/notes", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Of_two_marked_notes_of_the_bot_the_younger_is_deleted_and_the_oldest_is_edited()
    {
        await using var s = await NotifyScenario.StartAsync();
        await s.RunAsync();
        var first = s.MarkedNotes.Single();
        var late = s.MergeRequest.AddNote(s.Bot, first.Body, DateTimeOffset.UtcNow.AddMinutes(1)).Notes[0];
        s.Refund.State = FakeLinearState.Done;
        s.GitLab.ResetLog();

        var result = await s.RunAsync();
        await AnsweredAsync(s);

        Assert.Equal(NotifyAction.Edited, result.Action);
        Assert.Equal(first.Id, result.NoteId);
        Assert.Equal([late.Id], result.RemovedDuplicates);
        Assert.Equal(result.Body, Assert.Single(s.MarkedNotes).Body);
        Assert.Same(first, s.MarkedNotes[0]);
        Assert.Empty(result.Warnings);
        Assert.Equal([("DELETE", 204), ("PUT", 200)], s.GitLab.Writes.Select(w => (w.Method, w.Status)));

        s.GitLab.ResetLog();
        var again = await s.RunAsync();

        Assert.Equal((NotifyAction.Unchanged, first.Id), (again.Action, again.NoteId));
        Assert.Empty(again.RemovedDuplicates);
        Assert.Empty(s.GitLab.Writes);
    }

    [Fact]
    public async Task Three_runs_at_once_leave_exactly_one_bot_note_and_their_racing_deletes_of_one_note_are_fine()
    {
        await using var s = await NotifyScenario.StartAsync();
        s.GitLab.Gate("/notes", "GET", parties: 3);    // the three runs list the notes, finding none,
        s.GitLab.Gate("/notes", "POST", parties: 3);   // and no POST is served before all three have listed;
        s.GitLab.Gate("/notes", "GET", parties: 3);    // each lists again after its POST, all three notes there,
        s.GitLab.Gate("*", "DELETE", parties: 3);      // and all three delete the same younger note at once.

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => s.RunAsync()));
        await AnsweredAsync(s);

        var posts = s.GitLab.Writes.Where(w => w.Method == "POST").ToList();
        Assert.Equal(3, posts.Count);
        var note = Assert.Single(s.MarkedNotes);
        Assert.Equal(s.Bot, note.Author);
        Assert.All(results, r => Assert.Equal((NotifyAction.Created, note.Id, r.Body), (r.Action, r.NoteId, note.Body)));
        Assert.Equal(2, results.Count(r => r.Warnings.Any(w => w.Contains($"posted note {note.Id} too; it is older, so it is kept", StringComparison.Ordinal))));

        // Each run deletes the two younger notes; the first DELETE of each is the same note, at the same time.
        var deletes = s.GitLab.Writes.Where(w => w.Method == "DELETE").ToList();
        Assert.Equal(6, deletes.Count);
        Assert.Equal([204, 204, 404, 404, 404, 404], deletes.Select(d => d.Status).Order());
        Assert.Equal(2, deletes.Select(d => d.Path).Distinct().Count());
        Assert.All(results, r => Assert.Equal(2, r.RemovedDuplicates.Count));
        Assert.DoesNotContain(s.GitLab.Writes, w => w.Method == "PUT");

        // A later run finds the one note and sends nothing.
        s.GitLab.ResetLog();
        var later = await s.RunAsync();
        Assert.Equal((NotifyAction.Unchanged, note.Id), (later.Action, later.NoteId));
        Assert.Empty(s.GitLab.Writes);
    }

    [Fact]
    public async Task A_run_that_posts_beside_an_older_note_of_another_run_deletes_its_own_and_brings_the_older_up_to_date()
    {
        await using var s = await NotifyScenario.StartAsync();
        s.GitLab.Gate("/notes", "GET", parties: 2);
        s.GitLab.Gate("/notes", "POST", parties: 2);
        s.GitLab.Gate("/notes", "GET", parties: 2);
        var first = s.RunAsync();
        await WaitForAsync(() => s.GitLab.Count(r => r.Method == "GET" && r.Path.EndsWith("/notes", StringComparison.Ordinal)) == 1);

        // The second run reads the merge request after a push named another ticket, so its list is longer.
        s.MergeRequest.Description = "Closes SIRA-214, part of SIRA-300";
        s.Linear.AddIssue(s.Team, configure: i => i.Title = "Audit log", number: 300);
        var second = s.RunAsync();
        var results = await Task.WhenAll(first, second);

        var note = Assert.Single(s.MarkedNotes);
        Assert.All(results, r => Assert.Equal(note.Id, r.NoteId));
        var kept = results.Single(r => r.Warnings.Count == 0);
        var other = results.Single(r => r.Warnings.Count == 1);
        Assert.Equal(other.Body, note.Body); // the run whose note was deleted wrote its list into the kept one
        Assert.Contains("(edited to this run's list)", other.Warnings[0], StringComparison.Ordinal);
        Assert.NotEqual(kept.Body, other.Body);
    }

    [Fact]
    public async Task A_dry_run_names_the_duplicates_it_would_delete_and_deletes_nothing()
    {
        await using var s = await NotifyScenario.StartAsync();
        await s.RunAsync();
        var first = s.MarkedNotes.Single();
        var late = s.MergeRequest.AddNote(s.Bot, first.Body, DateTimeOffset.UtcNow.AddMinutes(1)).Notes[0];
        s.GitLab.ResetLog();

        var result = await s.RunAsync(dryRun: true);

        Assert.Equal((NotifyAction.Unchanged, first.Id), (result.Action, result.NoteId));
        Assert.Equal([late.Id], result.RemovedDuplicates);
        Assert.Equal(2, s.MarkedNotes.Count);
        Assert.Empty(s.GitLab.Writes);
    }

    [Fact]
    public async Task A_duplicate_GitLab_refuses_to_delete_stays_with_a_warning_and_the_note_is_still_kept_up_to_date()
    {
        await using var s = await NotifyScenario.StartAsync();
        await s.RunAsync();
        var first = s.MarkedNotes.Single();
        var late = s.MergeRequest.AddNote(s.Bot, first.Body, DateTimeOffset.UtcNow.AddMinutes(1)).Notes[0];
        s.Cancel.Title = "Cancel an unpaid invoice";
        s.GitLab.Fail($"/notes/{late.Id}", FakeFault.Json(403, """{"message":"403 Forbidden"}"""), method: "DELETE");
        s.GitLab.ResetLog();

        var result = await s.RunAsync();
        await AnsweredAsync(s);

        Assert.Equal((NotifyAction.Edited, first.Id), (result.Action, result.NoteId));
        Assert.Empty(result.RemovedDuplicates);
        Assert.StartsWith($"note {late.Id} duplicates note {first.Id} but could not be deleted (GitLab refused DELETE ", Assert.Single(result.Warnings), StringComparison.Ordinal);
        Assert.EndsWith("; the next run deletes it", result.Warnings[0], StringComparison.Ordinal);
        Assert.Equal([("DELETE", 403), ("PUT", 200)], s.GitLab.Writes.Select(w => (w.Method, w.Status)));
        Assert.Contains("Cancel an unpaid invoice", first.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DELETE_that_failed_with_a_502_is_not_sent_again()
    {
        await using var s = await NotifyScenario.StartAsync();
        await s.RunAsync();
        var first = s.MarkedNotes.Single();
        var late = s.MergeRequest.AddNote(s.Bot, first.Body, DateTimeOffset.UtcNow.AddMinutes(1)).Notes[0];
        s.GitLab.Fail($"/notes/{late.Id}", FakeFault.BadGatewayHtml(), method: "DELETE");
        s.GitLab.ResetLog();

        // One 502 is queued: a retry would have deleted the note, so a note still there proves there was none.
        var result = await s.RunAsync();

        Assert.Equal(["DELETE"], s.GitLab.Writes.Select(w => w.Method));
        Assert.Equal(2, s.MarkedNotes.Count);
        Assert.Contains("could not be deleted", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_request_naming_six_hundred_long_tickets_gets_a_note_GitLab_accepts_and_a_rerun_sends_nothing()
    {
        await using var s = await NotifyScenario.StartAsync();
        for (var n = 1; n <= 600; n++)
        {
            if (n is not (125 or 214))
            {
                s.Linear.AddIssue(s.Team, configure: i => i.Title = new string('x', 1000), number: n);
            }
        }

        s.MergeRequest.Description = string.Join(' ', Enumerable.Range(1, 600).Select(n => $"SIRA-{n}"));

        var first = await s.RunAsync();
        var second = await s.RunAsync();

        var note = Assert.Single(s.MarkedNotes);
        Assert.InRange(note.Body.Length, 990_000, FakeGitLab.NoteLimit);
        var listed = TicketNotice.Tickets(note.Body)!;
        Assert.InRange(listed.Count, 100, 599);
        Assert.Contains($"{600 - listed.Count} more tickets were left out", note.Body, StringComparison.Ordinal);
        Assert.Equal((NotifyAction.Created, NotifyAction.Unchanged), (first.Action, second.Action));
        Assert.Equal(["POST"], s.GitLab.Writes.Select(w => w.Method));
    }

    [Fact]
    public async Task A_failed_edit_is_not_sent_again_and_the_next_run_makes_it()
    {
        await using var s = await NotifyScenario.StartAsync();
        await s.RunAsync();
        var note = s.MarkedNotes.Single();
        var before = note.Body;
        s.Cancel.Title = "Cancel an unpaid invoice";
        s.GitLab.Fail("/notes/" + note.Id, FakeFault.BadGatewayHtml(), method: "PUT");
        s.GitLab.ResetLog();

        // One 502 is queued: a retry would have succeeded, so an unchanged note proves there was none.
        await Assert.ThrowsAsync<GitLabException>(() => s.RunAsync());

        Assert.Equal(["PUT"], s.GitLab.Writes.Select(w => w.Method));
        Assert.Equal(before, note.Body);

        s.GitLab.ResetLog();
        var result = await s.RunAsync();

        Assert.Equal(NotifyAction.Edited, result.Action);
        Assert.Contains("Cancel an unpaid invoice", note.Body, StringComparison.Ordinal);
        Assert.Equal(["PUT"], s.GitLab.Writes.Select(w => w.Method));
    }

    [Fact]
    public async Task An_overriding_template_that_drops_the_marker_is_refused_before_anything_is_sent()
    {
        await using var s = await NotifyScenario.StartAsync();
        using var overrides = new Support.TempDirectory();
        overrides.Write("notify.md.sbn", "Tickets: {{ for t in tickets }}{{ t.identifier }} {{ end }}");
        var renderer = new TicketNoteRenderer(new Reports.Rendering.TemplateEngine(new Reports.Rendering.TemplateRoots(Reports.Rendering.TemplateRoots.ShippedDirectory, overrides.Path)));

        var error = Assert.Throws<EvidenceException>(() => renderer.Render([new LinkedTicket("SIRA-1", Found: true)], ["SIRA"], "!1"));

        Assert.Contains("must contain the marker", error.Message, StringComparison.Ordinal);
        Assert.Empty(s.GitLab.Writes);
    }

    /// <summary>The fake records a status once its middleware finishes, which a client can outrun.</summary>
    private static Task AnsweredAsync(NotifyScenario s) => WaitForAsync(() => s.GitLab.Requests.All(r => r.Status != 0));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 10_000, "the condition did not hold within 10 s");
            await Task.Delay(10);
        }
    }

    private static void NoTickets(NotifyScenario s)
    {
        s.MergeRequest.SourceBranch = "feature/cleanup";
        s.MergeRequest.Description = "Tidies UTF-8 handling.";
    }
}
