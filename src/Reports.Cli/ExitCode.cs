namespace Reports.Cli;

/// <summary>The process exit codes documented in docs/exit-codes.md; the library's exception types map onto them here.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>Bad usage, config, snapshot or template: an <see cref="EvidenceException"/>.</summary>
    InvalidInput = 1,

    /// <summary>A remote service refused the request or failed after retries: a <see cref="RemoteServiceException"/>.</summary>
    RemoteFailure = 2,

    /// <summary>Reading or writing a local file failed: a <see cref="LocalFileException"/> or an I/O error.</summary>
    LocalIo = 3,

    /// <summary>Ctrl+C.</summary>
    Interrupted = 130,

    /// <summary>SIGTERM, as CI sends on a job timeout.</summary>
    Terminated = 143,
}
