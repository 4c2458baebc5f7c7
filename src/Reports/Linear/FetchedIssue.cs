namespace Reports.Linear;

/// <summary>A candidate issue as listed, with its whole history: everything any student's rules read from it.</summary>
public sealed record FetchedIssue(LinearIssue Issue, IReadOnlyList<LinearHistoryEntry> History);
