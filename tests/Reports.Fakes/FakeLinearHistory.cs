namespace Reports.Fakes;

/// <summary>One history entry of a fake issue: set the fields the change touched.</summary>
public sealed class FakeLinearHistory
{
    public string Id { get; init; } = Guid.NewGuid().ToString();

    /// <summary>Sent with its own offset (<c>Z</c> when UTC), as the fake's other timestamps.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public FakeLinearUser? Actor { get; init; }

    /// <summary>Name of the integration when there is no human actor, e.g. "GitLab".</summary>
    public string? Bot { get; init; }

    public FakeLinearState? FromState { get; init; }

    public FakeLinearState? ToState { get; init; }

    public double? FromEstimate { get; init; }

    public double? ToEstimate { get; init; }

    public double? FromPriority { get; init; }

    public double? ToPriority { get; init; }

    public string? FromTitle { get; init; }

    public string? ToTitle { get; init; }

    public bool? UpdatedDescription { get; init; }

    public IReadOnlyList<string>? AddedLabelIds { get; init; }

    public IReadOnlyList<string>? RemovedLabelIds { get; init; }

    public FakeLinearIssue? FromParent { get; init; }

    public FakeLinearIssue? ToParent { get; init; }

    internal Dictionary<string, object?> ToNode() => new()
    {
        ["__typename"] = "IssueHistory",
        ["id"] = Id,
        ["createdAt"] = FakeGitLab.Date(CreatedAt),
        ["updatedAt"] = FakeGitLab.Date(CreatedAt),
        ["actor"] = Actor?.ToNode(),
        ["actorId"] = Actor?.Id,
        ["botActor"] = Bot is null ? null : new Dictionary<string, object?> { ["__typename"] = "ActorBot", ["id"] = $"bot-{Bot.ToLowerInvariant()}", ["name"] = Bot, ["type"] = "integration" },
        ["fromState"] = FromState?.ToNode(),
        ["toState"] = ToState?.ToNode(),
        ["fromEstimate"] = FromEstimate,
        ["toEstimate"] = ToEstimate,
        ["fromPriority"] = FromPriority,
        ["toPriority"] = ToPriority,
        ["fromTitle"] = FromTitle,
        ["toTitle"] = ToTitle,
        ["updatedDescription"] = UpdatedDescription,
        ["addedLabelIds"] = AddedLabelIds,
        ["removedLabelIds"] = RemovedLabelIds,
        ["fromParent"] = (Func<object?>)(() => FromParent?.ToNode()),
        ["toParent"] = (Func<object?>)(() => ToParent?.ToNode()),
        ["fromCycle"] = null,
        ["toCycle"] = null,
    };
}
