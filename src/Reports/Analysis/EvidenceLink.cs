namespace Reports.Analysis;

/// <summary>A link the lecturer can follow to check a claim.</summary>
internal sealed record EvidenceLink(string Text, string Url);
