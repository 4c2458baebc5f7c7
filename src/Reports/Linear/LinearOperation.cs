namespace Reports.Linear;

/// <summary>One GraphQL operation as sent: its name and the document (the operation and the fragments it spreads).</summary>
internal sealed record LinearOperation(string Name, string Document);
