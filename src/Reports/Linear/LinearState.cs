namespace Reports.Linear;

/// <summary>A workflow state: <see cref="Name"/> as the team calls it, <see cref="Type"/> one of triage, backlog, unstarted, started, completed, canceled.</summary>
internal sealed record LinearState
{
    public string? Name { get; init; }

    public string? Type { get; init; }
}
