namespace Reports.Notify;

/// <summary>What <c>notify.md.sbn</c> sees (snake_case in the template).</summary>
internal sealed record TicketNoteModel
{
    /// <summary><see cref="Analysis.TicketNotice.Marker"/>: the note must contain it, or a re-run would not find it.</summary>
    public string Marker { get; init; } = Analysis.TicketNotice.Marker;

    /// <summary>The rows shown, in the order the merge request names them, then those Linear links to it.</summary>
    public required IReadOnlyList<LinkedTicket> Tickets { get; init; }

    /// <summary>Rows left out so the note stays under GitLab's limit; 0 normally.</summary>
    public int LeftOut { get; init; }

    /// <summary>The note's limit in characters, for the line that says rows were left out.</summary>
    public int Limit { get; init; } = TicketNoteRenderer.GitLabNoteLimit;

    /// <summary>The team keys whose identifiers count, e.g. SIRA.</summary>
    public required IReadOnlyList<string> Teams { get; init; }

    /// <summary>e.g. <c>!5</c>.</summary>
    public required string MergeRequest { get; init; }
}
