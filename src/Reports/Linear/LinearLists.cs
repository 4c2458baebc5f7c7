using Reports.Http;

namespace Reports.Linear;

/// <summary>Which nodes of the collector's Linear connections it cannot use, beyond a null node.</summary>
internal static class LinearLists
{
    /// <summary>
    /// By id, which the histories, the cache and the de-duplication key on; an issue without an id or
    /// identifier (the report's key) is refused, and so are null labels or attachments.
    /// </summary>
    public static ListedItems<LinearIssue> Issues { get; } = new(
        i => i.Id,
        i => string.IsNullOrEmpty(i.Id) ? " has no id"
            : string.IsNullOrEmpty(i.Identifier) ? " has no identifier"
            : NullItem.In("labels.nodes", i.Labels) ?? NullItem.In("attachments.nodes", i.Attachments));

    /// <summary>An issue with one page of its history: the id it answers for, and history entries that are not null.</summary>
    public static ListedItems<IssueHistoryNode> Histories { get; } = new(
        n => n.Id,
        n => string.IsNullOrEmpty(n.Id) ? " has no id"
            : n.History is null ? ".history is null"
            : n.History.Nodes is null ? ".history.nodes is null"
            : NullItem.In("history.nodes", n.History.Nodes));

    /// <summary>History entries by id, for keeping each once when pages overlap.</summary>
    public static ListedItems<LinearHistoryEntry> Entries { get; } = new(e => string.IsNullOrEmpty(e.Id) ? null : e.Id);
}
