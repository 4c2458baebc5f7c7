namespace Reports;

/// <summary>
/// A failure the user can act on: bad usage, config, snapshot or template unless a subclass says
/// otherwise (<see cref="LocalFileException"/>, <see cref="RemoteServiceException"/>).
/// <see cref="Exception.Message"/> is one line saying what went wrong, where and how to fix it, and
/// never holds a secret. The command line maps the type to its exit code.
/// </summary>
internal class EvidenceException(string message, Exception? inner = null) : Exception(message, inner);
