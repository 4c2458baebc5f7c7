namespace Reports;

/// <summary>
/// A failure the user can act on. <see cref="Exception.Message"/> is one line saying what went
/// wrong, where and how to fix it, and never holds a secret; the CLI prints it and exits with
/// <see cref="ExitCode"/>.
/// </summary>
public class EvidenceException(string message, ExitCode exitCode = ExitCode.InvalidInput, Exception? inner = null)
    : Exception(message, inner)
{
    public ExitCode ExitCode { get; } = exitCode;
}
