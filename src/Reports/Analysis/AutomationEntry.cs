using Reports.Model;

namespace Reports.Analysis;

/// <summary>A bot note as the report shows it; a ticket-notifier note is read for the tickets it lists.</summary>
internal sealed record AutomationEntry
{
    public required MergeRequestRef MergeRequest { get; init; }

    public required Person Author { get; init; }

    public required Note Note { get; init; }

    /// <summary>The note lists the merge request's Linear tickets (<see cref="TicketNotice"/>).</summary>
    public bool IsTicketNotice { get; init; }

    /// <summary>The identifiers a ticket-notifier note lists, in its order; empty otherwise.</summary>
    public IReadOnlyList<string> Tickets { get; init; } = [];

    public static AutomationEntry From(AutomationNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var tickets = TicketNotice.Tickets(note.Note.Body);
        return new AutomationEntry
        {
            MergeRequest = note.MergeRequest,
            Author = note.Author,
            Note = note.Note,
            IsTicketNotice = tickets is not null,
            Tickets = tickets ?? [],
        };
    }
}
