namespace Reports.Model;

/// <summary>A history entry that moved an issue between workflow states.</summary>
internal sealed record StatusChange(DateTimeOffset At, string From, string To);
