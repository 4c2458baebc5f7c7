using Reports.Model;

namespace Reports.Analysis;

/// <summary>A Linear issue with what the report says about it.</summary>
internal sealed record TicketView
{
    public required string Identifier { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    public required string State { get; init; }

    public TicketRef? Parent { get; init; }

    /// <summary>Lines of the description starting with <c>Scenario:</c> or <c>Scenario Outline:</c>.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public IReadOnlyList<StatusChange> StatusChanges { get; init; } = [];

    public IReadOnlyList<GroomingChange> Grooming { get; init; } = [];

    /// <summary>Merge requests in this report that mention the identifier or that Linear attached.</summary>
    public IReadOnlyList<MergeRequestRef> MergeRequests { get; init; } = [];
}
