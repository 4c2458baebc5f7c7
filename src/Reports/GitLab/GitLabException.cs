using System.Net;

namespace Reports.GitLab;

/// <summary>
/// GitLab refused a request or kept failing after retries. <see cref="Endpoint"/> is the path and
/// query under the host, never the token; <see cref="GitLabMessage"/> is GitLab's own explanation.
/// </summary>
internal sealed class GitLabException(
    string message,
    HttpStatusCode? statusCode,
    string method,
    string endpoint,
    string? gitLabMessage = null,
    Exception? inner = null)
    : RemoteServiceException(message, inner)
{
    /// <summary>Null when no answer came back (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    public string Method { get; } = method;

    /// <summary>e.g. <c>/api/v4/projects/ppl%2Fsira-backend/merge_requests?state=all&amp;per_page=100</c>.</summary>
    public string Endpoint { get; } = endpoint;

    /// <summary>GitLab's message read from a JSON, plain-text or HTML body, shortened to one line.</summary>
    public string? GitLabMessage { get; } = gitLabMessage;
}
