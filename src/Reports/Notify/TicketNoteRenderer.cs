using Reports.Analysis;
using Reports.Rendering;
using Scriban.Runtime;

namespace Reports.Notify;

/// <summary>
/// Renders the note through <c>notify.md.sbn</c> (overridable like every template), with
/// <c>gl.text</c> and <c>gl.url</c> for untrusted text, and keeps it under GitLab's limit by
/// leaving out the last rows and saying how many.
/// </summary>
public sealed class TicketNoteRenderer(TemplateEngine templates)
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

        // The most rows that fit: the body grows with the rows shown, so a binary search finds it.
        var (low, high) = (0, tickets.Count - 1);
        var best = Body(0);
        if (best.Length > limit)
        {
            throw new EvidenceException($"{TemplateName}: even with no ticket rows the note is {best.Length} characters, over GitLab's limit of {limit}");
        }

        while (low <= high)
        {
            var middle = (low + high + 1) / 2;
            var body = Body(middle);
            if (body.Length <= limit)
            {
                best = body;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
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
