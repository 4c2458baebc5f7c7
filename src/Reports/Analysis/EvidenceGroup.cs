namespace Reports.Analysis;

/// <summary>A heading of the Evidence section and its links.</summary>
public sealed record EvidenceGroup(string Title, IReadOnlyList<EvidenceLink> Links);
