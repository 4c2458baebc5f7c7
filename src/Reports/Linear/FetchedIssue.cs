namespace Reports.Linear;

/// <summary>A candidate issue as listed, with its whole history: everything any student's rules read from it.</summary>
internal sealed record FetchedIssue(LinearIssue Issue, IReadOnlyList<LinearHistoryEntry> History);
