namespace Reports.Linear;

/// <summary>All of one issue's history entries, every page of them, as Linear ordered them.</summary>
internal sealed record LinearIssueHistory(string IssueId, string Identifier, IReadOnlyList<LinearHistoryEntry> Entries);
