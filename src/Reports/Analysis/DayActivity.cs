using System.Globalization;

namespace Reports.Analysis;

/// <summary>What the student did on one local date of the window, counted by the "what counts" rules.</summary>
internal sealed record DayActivity
{
    public required DateOnly Date { get; init; }

    public int Findings { get; init; }

    public int Merges { get; init; }

    public int Commits { get; init; }

    /// <summary>Tickets created, status updates and grooming edits.</summary>
    public int TicketChanges { get; init; }

    public int Total => Findings + Merges + Commits + TicketChanges;

    /// <summary>"Mon 24": the day of the week and of the month.</summary>
    public string Label => Date.ToString("ddd d", CultureInfo.InvariantCulture);
}
