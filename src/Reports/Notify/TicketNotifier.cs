using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Reports.Analysis;
using Reports.GitLab;
using Reports.Linear;
using Reports.Model;

namespace Reports.Notify;

/// <summary>
/// docs/notify.md: keeps one note on a merge request listing its Linear tickets. Reads the merge
/// request, finds the tickets it links to (team keys only), asks Linear about them in one request,
/// renders the note, then creates it, edits it in place, or sends nothing when it already says
/// this. A write is sent once; after a failed POST the notes are listed again to see whether it
/// landed. It deletes only a duplicate of its own note: runs that overlap each post one, so after a
/// POST the notes are listed again and the younger marked notes of the token's user are deleted,
/// keeping the oldest. A marked note of another account is never touched.
/// </summary>
internal sealed partial class TicketNotifier(GitLabClient gitlab, LinearClient linear, TicketNoteRenderer renderer, IReadOnlyList<string> teams, bool skipWhenEmpty)
{
    public async Task<NotifyResult> RunAsync(NotifyTarget target, bool dryRun, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (teams.Count == 0)
        {
            throw new EvidenceException("linear.teams is empty: evidence notify links only identifiers of the teams listed there, e.g. teams: [SIRA]");
        }

        // Everything is read, and Linear has answered, before anything is written: a failure posts nothing.
        var mr = await gitlab.MergeRequests.GetAsync(target.Project, target.Iid, ct);
        var tickets = await TicketsAsync(mr, ct);
        var reference = mr.References?.Short ?? $"!{target.Iid.ToString(CultureInfo.InvariantCulture)}";
        var body = renderer.Render(tickets, teams, reference);
        var identifiers = TicketNotice.Tickets(body) ?? [];

        var me = await gitlab.Users.GetCurrentAsync(ct);
        var marked = await MarkedNotesAsync(target, ct);
        var mine = marked.Where(n => n.Author?.Id == me.Id).ToList();
        var own = mine.FirstOrDefault();
        var warnings = marked.Where(n => n.Author?.Id != me.Id)
            .Select(n => $"note {n.Id} by @{n.Author?.Username ?? "unknown"} carries the marker but is not by this token's user @{me.Username}; it is left alone"
                + (own is null ? " (a rotated token?), and a new note is posted" : ""))
            .ToList();
        var result = new NotifyResult { Action = NotifyAction.Unchanged, DryRun = dryRun, Body = body, Tickets = identifiers, Warnings = warnings };

        if (own is not null)
        {
            // Younger marked notes of ours are duplicates left by runs that overlapped; the oldest is the one kept.
            var found = await WithoutDuplicatesAsync(target, result with { NoteId = own.Id, NoteUrl = NoteUrl(mr, own.Id) }, own.Id, mine.Skip(1), dryRun, ct);
            if (Same(own.Body, body))
            {
                return found;
            }

            if (!dryRun)
            {
                await gitlab.Notes.EditAsync(target.Project, target.Iid, own.Id, body, ct);
            }

            return found with { Action = NotifyAction.Edited };
        }

        if (tickets.Count == 0 && skipWhenEmpty)
        {
            return result with { Action = NotifyAction.Skipped };
        }

        if (dryRun)
        {
            return result with { Action = NotifyAction.Created };
        }

        var created = await CreateOnceAsync(target, body, me, ct);
        var posted = result with
        {
            Action = NotifyAction.Created,
            NoteId = created.Note.Id,
            NoteUrl = NoteUrl(mr, created.Note.Id),
            Warnings = created.Warning is null ? warnings : [.. warnings, created.Warning],
        };
        return await SettleAsync(target, mr, posted, created.Note, me, ct);
    }

    /// <summary>True when GitLab's copy says the same, ignoring line-ending style and trailing blanks, which GitLab may change.</summary>
    internal static bool Same(string? stored, string body) =>
        stored is not null && string.Equals(Normal(stored), Normal(body), StringComparison.Ordinal);

    private static string Normal(string text) => text.ReplaceLineEndings("\n").TrimEnd();

    private static string? NoteUrl(GitLabMergeRequest mr, long noteId) =>
        mr.WebUrl is null ? null : string.Create(CultureInfo.InvariantCulture, $"{mr.WebUrl}#note_{noteId}");

    /// <summary>
    /// Rows in the order the merge request names the identifiers (source branch, title, description),
    /// then tickets Linear has attached to it; a named identifier Linear does not know stays as a row.
    /// </summary>
    private async Task<IReadOnlyList<LinkedTicket>> TicketsAsync(GitLabMergeRequest mr, CancellationToken ct)
    {
        var named = TicketMentions.Find([mr.SourceBranch, mr.Title, mr.Description], teams);
        var issues = new Dictionary<string, LinearIssue>(StringComparer.OrdinalIgnoreCase);
        await foreach (var issue in linear.Issues.ListLinkedAsync(teams, named, mr.WebUrl, ct))
        {
            // Identifiers are written into the note unescaped, so only the plain KEY-123 shape is taken.
            if (IdentifierRegex().IsMatch(issue.Identifier))
            {
                issues.TryAdd(issue.Identifier.ToUpperInvariant(), issue);
            }
        }

        var rows = named.Select(id => issues.TryGetValue(id, out var issue) ? Row(issue) : new LinkedTicket(id, Found: false)).ToList();
        rows.AddRange(issues.Values
            .Where(i => !named.Contains(i.Identifier.ToUpperInvariant(), StringComparer.Ordinal))
            .OrderBy(i => i.Team?.Key ?? "", StringComparer.Ordinal)
            .ThenBy(i => i.Number)
            .Select(Row));
        return rows;
    }

    private static LinkedTicket Row(LinearIssue issue) => new(issue.Identifier.ToUpperInvariant(), Found: true)
    {
        Title = issue.Title,
        State = issue.State?.Name,
        StateType = issue.State?.Type,
        Url = issue.Url,
    };

    /// <summary>
    /// Notes (not system notes) that carry the marker, oldest first by creation time, then id: every
    /// run orders them alike, so overlapping runs agree on which note is the oldest and kept.
    /// </summary>
    private async Task<List<GitLabNote>> MarkedNotesAsync(NotifyTarget target, CancellationToken ct)
    {
        var marked = new List<GitLabNote>();
        await foreach (var note in gitlab.Notes.ListAsync(target.Project, target.Iid, ct))
        {
            if (!note.System && note.Body?.Contains(TicketNotice.Marker, StringComparison.Ordinal) == true)
            {
                marked.Add(note);
            }
        }

        return [.. marked.OrderBy(n => n.CreatedAt ?? DateTimeOffset.MaxValue).ThenBy(n => n.Id)];
    }

    /// <summary>
    /// After this run's POST: a run that overlapped may have posted too, since each saw no note before
    /// posting. The notes are listed again; the oldest marked note of ours is kept (edited to this run's
    /// body when another run wrote it otherwise), and the younger ones are deleted. Each overlapping run
    /// lists after its own POST, so the last of them sees every note and none but the oldest survives.
    /// </summary>
    private async Task<NotifyResult> SettleAsync(NotifyTarget target, GitLabMergeRequest mr, NotifyResult posted, GitLabNote created, GitLabUser me, CancellationToken ct)
    {
        List<GitLabNote> mine;
        try
        {
            mine = [.. (await MarkedNotesAsync(target, ct)).Where(n => n.Author?.Id == me.Id)];
        }
        catch (RemoteServiceException e)
        {
            return posted with
            {
                Warnings = [.. posted.Warnings, $"the note was posted, but the notes could not be listed again to find a duplicate posted by a run at the same time ({e.Message}); the next run deletes any"],
            };
        }

        var kept = mine.FirstOrDefault() ?? created;
        var settled = await WithoutDuplicatesAsync(target, posted, kept.Id, mine.Where(n => n.Id != kept.Id), dryRun: false, ct);
        if (kept.Id == created.Id)
        {
            return settled;
        }

        var edited = !Same(kept.Body, posted.Body);
        if (edited)
        {
            await gitlab.Notes.EditAsync(target.Project, target.Iid, kept.Id, posted.Body, ct);
        }

        return settled with
        {
            NoteId = kept.Id,
            NoteUrl = NoteUrl(mr, kept.Id),
            Warnings =
            [
                .. settled.Warnings,
                $"a run at the same time posted note {kept.Id} too; it is older, so it is kept{(edited ? " (edited to this run's list)" : "")} and this run's note {created.Id} is deleted as its duplicate",
            ],
        };
    }

    /// <summary>
    /// Deletes <paramref name="duplicates"/> (marked notes of the token's user younger than note
    /// <paramref name="kept"/>), or with <paramref name="dryRun"/> only names them. A 404 means a racing
    /// run deleted the note first, which is as good; any other failure leaves it for the next run, with
    /// a warning.
    /// </summary>
    private async Task<NotifyResult> WithoutDuplicatesAsync(
        NotifyTarget target, NotifyResult result, long kept, IEnumerable<GitLabNote> duplicates, bool dryRun, CancellationToken ct)
    {
        var removed = new List<long>();
        var warnings = new List<string>();
        foreach (var note in duplicates)
        {
            if (dryRun)
            {
                removed.Add(note.Id);
                continue;
            }

            try
            {
                await gitlab.Notes.DeleteAsync(target.Project, target.Iid, note.Id, ct);
                removed.Add(note.Id);
            }
            catch (RemoteServiceException e)
            {
                warnings.Add($"note {note.Id} duplicates note {kept} but could not be deleted ({e.Message}); the next run deletes it");
            }
        }

        return result with { RemovedDuplicates = [.. result.RemovedDuplicates, .. removed], Warnings = [.. result.Warnings, .. warnings] };
    }

    /// <summary>
    /// POSTs the note once. When the POST fails in a way that could still have created the note (no
    /// answer, or a 5xx), the notes are listed again: a note of ours with this body means it landed.
    /// It is never sent a second time; a re-run, which finds the note if it landed late, is the retry.
    /// </summary>
    private async Task<(GitLabNote Note, string? Warning)> CreateOnceAsync(NotifyTarget target, string body, GitLabUser me, CancellationToken ct)
    {
        try
        {
            return (await gitlab.Notes.CreateAsync(target.Project, target.Iid, body, ct), null);
        }
        catch (GitLabException failure) when (failure.StatusCode is null or >= HttpStatusCode.InternalServerError)
        {
            List<GitLabNote> again;
            try
            {
                again = await MarkedNotesAsync(target, ct);
            }
            catch (RemoteServiceException)
            {
                throw new GitLabException(
                    $"{failure.Message}; the notes could not be listed again to see whether it landed, so a re-run will find it or post it",
                    failure.StatusCode, failure.Method, failure.Endpoint, failure.GitLabMessage, failure);
            }

            var landed = again.LastOrDefault(n => n.Author?.Id == me.Id && Same(n.Body, body));
            return landed is not null
                ? (landed, $"the POST of the note failed ({failure.Message}), but listing the notes again found it as note {landed.Id}; it was not sent twice")
                : throw new GitLabException(
                    $"{failure.Message}; listing the notes again found no such note, so nothing was posted: run again to post it",
                    failure.StatusCode, failure.Method, failure.Endpoint, failure.GitLabMessage, failure);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*-[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();
}
