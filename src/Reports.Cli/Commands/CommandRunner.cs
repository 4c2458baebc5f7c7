using System.CommandLine;

namespace Reports.Cli.Commands;

/// <summary>
/// Runs a command's work and turns failures into the documented exit codes with a one-line
/// message on standard error.
/// </summary>
internal static class CommandRunner
{
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellation, Func<TextWriter, CancellationToken, Task> work)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            await work(output, cancellation);
            return (int)ExitCode.Success;
        }
        catch (EvidenceException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return (int)e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted; no output was changed by the unfinished step");
            return Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return (int)ExitCode.LocalIo;
        }
    }

    public static Task<int> Run(ParseResult parse, CancellationToken cancellation, Action<TextWriter> work) =>
        RunAsync(parse, cancellation, (output, _) =>
        {
            work(output);
            return Task.CompletedTask;
        });

    public static Task<int> Run(ParseResult parse, CancellationToken cancellation, Action<TextWriter, CancellationToken> work) =>
        RunAsync(parse, cancellation, (output, ct) =>
        {
            work(output, ct);
            return Task.CompletedTask;
        });
}
