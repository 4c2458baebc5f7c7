namespace Reports;

/// <summary>The process exit codes documented in the README.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>Bad usage, config, snapshot or template.</summary>
    InvalidInput = 1,

    /// <summary>A remote service refused the request or failed after retries.</summary>
    RemoteFailure = 2,

    /// <summary>Reading or writing a local file failed.</summary>
    LocalIo = 3,
}
