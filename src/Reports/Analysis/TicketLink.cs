namespace Reports.Analysis;

/// <summary>A Linear ticket as a merge request in the report delivers it: linked, with its current state.</summary>
internal sealed record TicketLink
{
    /// <summary>e.g. <c>SIRA-125</c>.</summary>
    public required string Identifier { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    /// <summary>Current workflow state name, e.g. "Done".</summary>
    public required string State { get; init; }

    /// <summary>The merge request's title already names it, so a heading need not repeat it.</summary>
    public bool InTitle { get; init; }
}
