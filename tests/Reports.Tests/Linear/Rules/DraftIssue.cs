using Reports.Linear;

namespace Reports.Tests.Linear.Rules;

/// <summary>An issue being written for a rule test: the listed issue and its history, oldest first.</summary>
internal sealed class DraftIssue(LinearIssue issue)
{
    private int _next;

    public LinearIssue Issue { get; set; } = issue;

    public List<LinearHistoryEntry> History { get; } = [];

    public string Identifier => Issue.Identifier;

    /// <summary>The entry Linear writes when the issue is created: a state set, none left.</summary>
    public DraftIssue Created(LinearUser by, DateTimeOffset at, LinearState? state = null) =>
        Add(new LinearHistoryEntry { CreatedAt = at, Actor = by, ToState = state ?? LinearWeek.Todo });

    public DraftIssue Moved(LinearUser? by, DateTimeOffset at, LinearState from, LinearState to, LinearBot? bot = null) =>
        Add(new LinearHistoryEntry { CreatedAt = at, Actor = by, BotActor = bot, FromState = from, ToState = to });

    /// <summary>Any other change, written by <paramref name="change"/> on an entry by <paramref name="by"/> at <paramref name="at"/>.</summary>
    public DraftIssue Changed(LinearUser? by, DateTimeOffset at, Func<LinearHistoryEntry, LinearHistoryEntry> change, LinearBot? bot = null) =>
        Add(change(new LinearHistoryEntry { CreatedAt = at, Actor = by, BotActor = bot }));

    public FetchedIssue ToFetched() => new(Issue, [.. History.AsEnumerable().Reverse()]);

    private DraftIssue Add(LinearHistoryEntry entry)
    {
        History.Add(entry with { Id = $"{Issue.Id}-h{++_next}" });
        return this;
    }
}
