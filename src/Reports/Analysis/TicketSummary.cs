namespace Reports.Analysis;

/// <summary>The student's Linear activity in the window.</summary>
internal sealed record TicketSummary
{
    /// <summary>Issues created in the window that have no parent.</summary>
    public IReadOnlyList<TicketView> Created { get; init; } = [];

    /// <summary>Issues created in the window under a parent: the planning work.</summary>
    public IReadOnlyList<TicketView> SubIssues { get; init; } = [];

    /// <summary>Issues the student moved between states.</summary>
    public IReadOnlyList<TicketView> Moved { get; init; } = [];

    /// <summary>Issues the student groomed (estimate, priority, title, description, labels, parent, cycle).</summary>
    public IReadOnlyList<TicketView> Groomed { get; init; } = [];

    public int StatusUpdateCount => Moved.Sum(t => t.StatusChanges.Count);

    public int PlannedScenarioCount => SubIssues.Sum(t => t.Scenarios.Count);

    public bool IsEmpty => Created.Count == 0 && SubIssues.Count == 0 && Moved.Count == 0 && Groomed.Count == 0;
}
