namespace Reports.Model;

/// <summary>Orders <c>SIRA-9</c> before <c>SIRA-10</c>: team key as text, then number as a number.</summary>
internal sealed class TicketIdentifierComparer : IComparer<string>
{
    public static TicketIdentifierComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (xKey, xNumber) = Split(x ?? "");
        var (yKey, yNumber) = Split(y ?? "");
        var byKey = string.CompareOrdinal(xKey, yKey);
        return byKey != 0 ? byKey : xNumber.CompareTo(yNumber);
    }

    private static (string Key, long Number) Split(string identifier)
    {
        var dash = identifier.LastIndexOf('-');
        return dash > 0 && long.TryParse(identifier.AsSpan(dash + 1), out var n)
            ? (identifier[..dash], n)
            : (identifier, -1);
    }
}
