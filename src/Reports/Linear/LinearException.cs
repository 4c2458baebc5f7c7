using System.Net;

namespace Reports.Linear;

/// <summary>
/// Linear refused a request, answered it with GraphQL errors, or kept failing after retries. The
/// API key never appears in it.
/// </summary>
internal sealed class LinearException(
    string message,
    HttpStatusCode? statusCode,
    string? code,
    string endpoint,
    string? operation,
    string? linearMessage = null,
    Exception? inner = null)
    : RemoteServiceException(message, inner)
{
    /// <summary>Null when no answer came back (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>The first error's <c>extensions.code</c>, e.g. <c>AUTHENTICATION_ERROR</c>, <c>RATELIMITED</c>, <c>INPUT_ERROR</c>.</summary>
    public string? Code { get; } = code;

    /// <summary>Path under the host, e.g. <c>/graphql</c>.</summary>
    public string Endpoint { get; } = endpoint;

    /// <summary>The GraphQL operation, e.g. <c>CandidateIssues</c>.</summary>
    public string? Operation { get; } = operation;

    /// <summary>Linear's own words (each error's user-presentable message, else its message), on one line.</summary>
    public string? LinearMessage { get; } = linearMessage;
}
