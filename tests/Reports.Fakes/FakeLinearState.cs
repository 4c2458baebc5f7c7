namespace Reports.Fakes;

/// <summary>A workflow state; <see cref="Type"/> is one of triage, backlog, unstarted, started, completed, canceled.</summary>
public sealed record FakeLinearState(string Name, string Type)
{
    public static readonly FakeLinearState Backlog = new("Backlog", "backlog");

    public static readonly FakeLinearState Todo = new("Todo", "unstarted");

    public static readonly FakeLinearState InProgress = new("In Progress", "started");

    public static readonly FakeLinearState Done = new("Done", "completed");

    internal Dictionary<string, object?> ToNode() => new()
    {
        ["__typename"] = "WorkflowState",
        ["id"] = $"state-{Type}-{Name.Replace(' ', '-').ToLowerInvariant()}",
        ["name"] = Name,
        ["type"] = Type,
    };
}
