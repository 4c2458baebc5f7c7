using Reports.Analysis;
using Reports.Rendering;
using Scriban.Runtime;

namespace Reports.Notify;

/// <summary>
/// Renders the note through <c>notify.md.sbn</c> (overridable like every template), with
/// <c>gl.text</c> and <c>gl.url</c> for untrusted text, and keeps it under GitLab's limit by
/// leaving out the last rows and saying how many.
/// </summary>
internal sealed class TicketNoteRenderer(TemplateEngine templates)
{
    public const string TemplateName = "notify.md.sbn";

    /// <summary>
    /// GitLab refuses a longer note. Rails counts characters; a .NET string's length counts UTF-16
    /// units, never fewer, so a note within it by <see cref="string.Length"/> is within GitLab's.
    /// </summary>
    public const int GitLabNoteLimit = 1_000_000;

    private static readonly ScriptObject Functions = CreateFunctions();

    /// <summary>The note for <paramref name="tickets"/>, every row if it fits within <paramref name="limit"/>, else as many as fit.</summary>
    public string Render(IReadOnlyList<LinkedTicket> tickets, IReadOnlyList<string> teams, string mergeRequest, int limit = GitLabNoteLimit)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        string Body(int shown) => RenderModel(new TicketNoteModel
        {
            Tickets = [.. tickets.Take(shown)],
            LeftOut = tickets.Count - shown,
            Limit = limit,
            Teams = teams,
            MergeRequest = mergeRequest,
        });

        var whole = Body(tickets.Count);
        if (whole.Length <= limit)
        {
            return whole;
        }

        var empty = Body(0);
        if (empty.Length > limit)
        {
            throw new EvidenceException($"{TemplateName}: even with no ticket rows the note is {empty.Length} characters, over GitLab's limit of {limit}");
        }

        // The most rows that fit. The body grows with the rows shown, so the answer lies between a
        // row count that fits and one that does not: start at the count that fits if every row were
        // of average length, step away from it, doubling, until both bounds are found, then halve the
        // gap. Rows of about one length take a few renders rather than log₂ of the rows.
        var averageRow = (double)(whole.Length - empty.Length) / tickets.Count;
        var guess = Math.Clamp((int)((limit - empty.Length) / averageRow), 0, tickets.Count - 1);
        var best = empty;
        var (fits, fails) = (0, tickets.Count);
        bool Fits(int shown)
        {
            var body = Body(shown);
            if (body.Length > limit)
            {
                fails = shown;
                return false;
            }

            (fits, best) = (shown, body);
            return true;
        }

        var up = Fits(guess);
        for (var step = 1; fails - fits > 1; step *= 2)
        {
            if (Fits(up ? Math.Min(fits + step, fails - 1) : Math.Max(fails - step, fits + 1)) != up)
            {
                break;
            }
        }

        while (fails - fits > 1)
        {
            Fits(fits + ((fails - fits) / 2));
        }

        return best;
    }

    private string RenderModel(TicketNoteModel model)
    {
        var body = templates.Render(TemplateName, model, new Dictionary<string, object?> { ["gl"] = Functions }).Trim('\n');
        return body.Contains(TicketNotice.Marker, StringComparison.Ordinal)
            ? body
            : throw new EvidenceException($"{TemplateName}: the note must contain the marker {TicketNotice.Marker} (write {{{{ marker }}}}), or a re-run could not find it and would post another");
    }

    private static ScriptObject CreateFunctions()
    {
        var gl = new ScriptObject();
        gl.Import("text", new Func<string?, string>(text => GitLabMarkdown.Text(text)));
        gl.Import("url", new Func<string?, string>(GitLabMarkdown.Url));
        gl.IsReadOnly = true;
        return gl;
    }
}
