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
/// landed. Nothing is ever deleted, and a marked note of another account is never touched.
/// </summary>
public sealed partial class TicketNotifier(GitLabClient gitlab, LinearClient linear, TicketNoteRenderer renderer, IReadOnlyList<string> teams, bool skipWhenEmpty)
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
        var own = marked.FirstOrDefault(n => n.Author?.Id == me.Id);
        var warnings = marked.Where(n => n.Author?.Id != me.Id)
            .Select(n => $"note {n.Id} by @{n.Author?.Username ?? "unknown"} carries the marker but is not by this token's user @{me.Username}; it is left alone"
                + (own is null ? " (a rotated token?), and a new note is posted" : ""))
            .Concat(marked.Where(n => n.Author?.Id == me.Id && n != own)
                .Select(n => $"note {n.Id} is another marked note of @{me.Username}; only the oldest, note {own!.Id}, is kept up to date, and nothing is deleted"))
            .ToList();
        var result = new NotifyResult { Action = NotifyAction.Unchanged, DryRun = dryRun, Body = body, Tickets = identifiers, Warnings = warnings };

        if (own is not null)
        {
            var found = result with { NoteId = own.Id, NoteUrl = NoteUrl(mr, own.Id) };
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
        return result with
        {
            Action = NotifyAction.Created,
            NoteId = created.Note.Id,
            NoteUrl = NoteUrl(mr, created.Note.Id),
            Warnings = created.Warning is null ? warnings : [.. warnings, created.Warning],
        };
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

    /// <summary>Notes (not system notes) that carry the marker, oldest first.</summary>
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

        return marked;
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
