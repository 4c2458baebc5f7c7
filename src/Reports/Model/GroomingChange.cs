namespace Reports.Model;

/// <summary>
/// A history entry that changed how an issue is planned: <see cref="Field"/> is one of
/// estimate, priority, title, description, labels, parent or cycle.
/// </summary>
internal sealed record GroomingChange(DateTimeOffset At, string Field, string? From = null, string? To = null);
