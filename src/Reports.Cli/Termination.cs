using System.Runtime.InteropServices;

namespace Reports.Cli;

/// <summary>
/// Ctrl+C and SIGTERM (what CI sends on a job timeout): first cancel the run's token, so the work
/// stops at its next check and says so; if it has not stopped after <see cref="Grace"/>, end the
/// process anyway with 130 (Ctrl+C) or 143 (SIGTERM). Stopping never depends on the work cooperating;
/// output stays whole because files are committed through a journal that the next run completes.
/// </summary>
internal sealed class Termination : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;
    private int _signalled;

    public Termination(TimeSpan grace, TextWriter error)
    {
        Grace = grace;
        _error = error;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public TimeSpan Grace { get; }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>The exit code the received signal calls for, or null when none arrived.</summary>
    public int? ExitCode { get; private set; }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Handled here, not by the runtime's default of ending the process at once.
        context.Cancel = true;
        if (Interlocked.Exchange(ref _signalled, 1) == 1)
        {
            return;
        }

        var code = (int)(context.Signal == PosixSignal.SIGTERM ? Cli.ExitCode.Terminated : Cli.ExitCode.Interrupted);
        ExitCode = code;
        _cancellation.Cancel();

        // A thread of its own, not a continuation on the thread pool: the busy work may hold every pool
        // thread, and the exit must not wait for the pool to grow.
        var signal = context.Signal;
        new Thread(() =>
        {
            Thread.Sleep(Grace);
            _error.WriteLine($"error: still busy {Grace.TotalSeconds:0} s after {signal}; stopped without finishing (a later run completes any file commit that had begun)");
            _error.Flush();
            Environment.Exit(code);
        })
        {
            IsBackground = true,
            Name = "evidence grace period",
        }.Start();
    }
}
