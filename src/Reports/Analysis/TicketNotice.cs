using System.Text.RegularExpressions;

namespace Reports.Analysis;

/// <summary>
/// docs/rules.md "Automation": a ticket-notifier note is a bot note listing the Linear tickets of its
/// merge request. It carries <see cref="Marker"/>, or a <c>Code | Title | Status</c> table inside
/// <c>&lt;details&gt;</c> (the format teams already use); the first cell of each row names a ticket.
/// </summary>
internal static partial class TicketNotice
{
    /// <summary>Hidden when GitLab renders the note; <c>evidence notify</c> writes it so its notes are found again.</summary>
    public const string Marker = "<!-- evidence:linear-tickets -->";

    /// <summary>The identifiers the note lists, in order, or null when <paramref name="body"/> is not a ticket-notifier note.</summary>
    public static IReadOnlyList<string>? Tickets(string? body)
    {
        if (body is null)
        {
            return null;
        }

        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var marked = body.Contains(Marker, StringComparison.Ordinal);
        var inDetails = false;
        var inTable = false;
        var found = false;
        var tickets = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            inDetails |= line.Contains("<details", StringComparison.OrdinalIgnoreCase);
            if (IsHeader(line) && (inDetails || marked))
            {
                inTable = found = true;
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }

            // A link's destination (a Linear URL whose slug reads "fix-2-bugs") names no ticket; its text does.
            var firstCell = LinkDestinationRegex().Replace(line.Trim('|').Split('|')[0], "]");
            foreach (Match id in IdentifierRegex().Matches(firstCell))
            {
                if (!tickets.Contains(id.Value, StringComparer.OrdinalIgnoreCase))
                {
                    tickets.Add(id.Value.ToUpperInvariant());
                }
            }
        }

        return marked || found ? tickets : null;
    }

    /// <summary><c>| Code | Title | Status |</c>, cells compared ignoring case and emphasis.</summary>
    private static bool IsHeader(string line) =>
        line.StartsWith('|')
        && line.Trim('|').Split('|').Select(c => c.Trim().Trim('*', '_').Trim().ToLowerInvariant()).ToArray() is ["code", "title", "status", ..];

    [GeneratedRegex(@"\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkDestinationRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9_]*-[0-9]{1,9}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();
}
