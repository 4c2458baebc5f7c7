using System.Net;

namespace Reports.Http;

/// <summary>
/// A failure described for the API's own exception type. Every string in it has been redacted;
/// <see cref="Endpoint"/> is path and query under the host.
/// </summary>
internal sealed record RemoteFailure(
    string Message,
    HttpStatusCode? Status,
    string Method,
    string Endpoint,
    string? Operation,
    string? Said,
    string? Code,
    Exception? Inner);
