namespace Reports.Analysis;

/// <summary>A positive callout: a <c>praise:</c> thread or a bullet under "Positives" in a summary note.</summary>
internal sealed record Positive(string Text, string Url);
