namespace Reports.Rendering.Charts;

/// <summary>One week's headline numbers for the trend chart; <see cref="Tickets"/> is null when Linear was not configured.</summary>
internal sealed record TrendWeek(string ShortLabel, string Label, int Findings, int Merges, int Commits, int? Tickets);
