namespace Reports.Http;

/// <summary>
/// One logical request. <see cref="SafeToRepeat"/> is declared by the caller, never inferred from
/// the method: a GraphQL query is a POST that changes nothing, a note is a POST that does.
/// </summary>
internal sealed record RemoteRequest(HttpMethod Method, Uri Uri, bool SafeToRepeat)
{
    /// <summary>Builds the body afresh for each attempt (a sent HttpContent cannot be sent again).</summary>
    public Func<HttpContent>? Content { get; init; }

    /// <summary>What the request is about beyond its URL, e.g. a GraphQL operation name; shown in messages.</summary>
    public string? Operation { get; init; }

    /// <summary>A read: retried on any transient failure.</summary>
    public static RemoteRequest Get(Uri uri) => new(HttpMethod.Get, uri, SafeToRepeat: true);

    /// <summary>
    /// A request that changes something: retried only when it certainly never left this machine
    /// (connection refused, name not resolved), never after a timeout or an error answer.
    /// </summary>
    public static RemoteRequest Change(HttpMethod method, Uri uri, Func<HttpContent> content) =>
        new(method, uri, SafeToRepeat: false) { Content = content };
}
