namespace Reports.Model;

/// <summary>A reference to another Linear issue, such as a parent.</summary>
public sealed record TicketRef(string Identifier, string Title, string Url);
