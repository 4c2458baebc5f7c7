namespace Reports;

/// <summary>A remote service (GitLab, Linear) refused a request or kept failing after retries.</summary>
internal abstract class RemoteServiceException(string message, Exception? inner = null) : EvidenceException(message, inner);
