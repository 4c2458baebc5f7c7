namespace Reports.Http;

/// <summary>What one logical request has been through so far, shared by its attempts.</summary>
internal sealed class TransportCall(RemoteRequest request, long started)
{
    public RemoteRequest Request { get; } = request;

    public long Started { get; } = started;

    public int Attempts { get; set; }

    /// <summary>The server's wait for the next retry; null lets the backoff decide.</summary>
    public TimeSpan? ServerWait { get; set; }

    /// <summary>Set when the server asked for more time than the budget has left.</summary>
    public (TimeSpan Wait, TimeSpan Left, string? Code)? RefusedWait { get; set; }
}
