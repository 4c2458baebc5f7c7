namespace Reports.Analysis;

/// <summary>A heading of the Evidence section and its links.</summary>
internal sealed record EvidenceGroup(string Title, IReadOnlyList<EvidenceLink> Links);
