using System.CommandLine;

namespace Reports.Cli.Commands;

/// <summary>
/// Runs a command's work and turns every failure into the documented exit codes with one line on
/// standard error. Nothing escapes: an unexpected exception is a bug, reported as one line too.
/// </summary>
internal static class CommandRunner
{
    public static Task<int> RunAsync(ParseResult parse, CancellationToken cancellation, Func<TextWriter, CancellationToken, Task> work) =>
        RunAsync(parse, cancellation, async (output, ct) =>
        {
            await work(output, ct);
            return ExitCode.Success;
        });

    /// <summary>As above, for work that decides its own exit code (<c>check</c>: 1 or 2 after printing every item).</summary>
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellation, Func<TextWriter, CancellationToken, Task<ExitCode>> work)
    {
        var output = new RedactingWriter(parse.InvocationConfiguration.Output);
        var error = parse.InvocationConfiguration.Error;
        try
        {
            await StallForTestsAsync(error);
            return (int)await work(output, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted; no output was changed by the unfinished step");
            return (int)ExitCode.Interrupted;
        }
        catch (EvidenceException e)
        {
            await error.WriteLineAsync(ErrorLine.Format(e.Message));
            return (int)ExitCodeOf(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(ErrorLine.Format(e.Message));
            return (int)ExitCode.LocalIo;
        }
        catch (Exception e)
        {
            var verbose = parse.GetValue<bool>(CommonOptions.VerboseName);
            await error.WriteLineAsync(ErrorLine.Format(
                $"unexpected {e.GetType().Name}: {e.Message} (a bug in evidence; {(verbose ? "the trace follows" : $"re-run with {CommonOptions.VerboseName} for the trace")} and report it)"));
            if (verbose)
            {
                await error.WriteLineAsync(Secrets.Redact(e.ToString()));
            }

            return (int)ExitCode.InvalidInput;
        }
    }

    /// <summary>The documented exit code of a failure the user can act on, by its type.</summary>
    public static ExitCode ExitCodeOf(EvidenceException failure) => failure switch
    {
        RemoteServiceException => ExitCode.RemoteFailure,
        LocalFileException => ExitCode.LocalIo,
        _ => ExitCode.InvalidInput,
    };

    /// <summary>
    /// Test hook: EVIDENCE_TEST_STALL_SECONDS makes the command busy (CPU-bound, never checking its
    /// token) before its work, so a test can prove that SIGTERM stops a run that does not cooperate.
    /// It says so on standard error first, so the test signals a process that is surely busy.
    /// </summary>
    private static async Task StallForTestsAsync(TextWriter error)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_TEST_STALL_SECONDS"), out var seconds) && seconds > 0)
        {
            await error.WriteLineAsync($"evidence-test: busy for {seconds} s");
            await error.FlushAsync();
            var until = Environment.TickCount64 + (seconds * 1000L);
            while (Environment.TickCount64 < until)
            {
                Thread.SpinWait(1000);
            }
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
