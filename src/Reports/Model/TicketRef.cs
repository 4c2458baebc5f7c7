namespace Reports.Model;

/// <summary>A reference to another Linear issue, such as a parent.</summary>
internal sealed record TicketRef(string Identifier, string Title, string Url);
