namespace Reports.Model;

/// <summary>A note by one of the configured bot accounts, reported apart from human review.</summary>
internal sealed record AutomationNote
{
    public required MergeRequestRef MergeRequest { get; init; }

    public required Person Author { get; init; }

    public required Note Note { get; init; }
}
