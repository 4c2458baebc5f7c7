namespace Reports;

/// <summary>A local file or folder could not be read or written.</summary>
internal sealed class LocalFileException(string message, Exception? inner = null) : EvidenceException(message, inner);
