using System.Diagnostics;
using Reports.Cli;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// A real <c>evidence</c> process told to stop: SIGTERM (CI's job timeout) and Ctrl+C end it within
/// the grace period even while it is busy in work that never checks for cancellation.
/// </summary>
public sealed class TerminationTests : IDisposable
{
    private readonly TempDirectory _work = new();

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Signal_stops_a_run_busy_in_uncooperative_work_within_the_grace_period(string signal, int expectedExitCode)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var output = _work.Combine("site");
        using var process = StartEvidence(["demo", "--out", output], stallSeconds: 120);

        // Signal once the process says it is busy: a fixed wait raced the start-up of a loaded machine.
        using (var started = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            Assert.Equal("evidence-test: busy for 120 s", await process.StandardError.ReadLineAsync(started.Token));
        }

        Assert.False(process.HasExited, "evidence ended before it could be signalled");

        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true }))
        {
            await kill!.WaitForExitAsync();
            Assert.True(kill.ExitCode == 0, $"kill failed: {await kill.StandardError.ReadToEndAsync()} after {clock.Elapsed}");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        var error = await process.StandardError.ReadToEndAsync();
        Assert.True(process.ExitCode == expectedExitCode, $"exit {process.ExitCode} after {clock.Elapsed}: {error}");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15));
        Assert.Contains($"still busy 5 s after SIG{signal}", error);
        Assert.False(Directory.Exists(output), "nothing may be written by a run stopped before its commit");
    }

    public void Dispose() => _work.Dispose();

    /// <summary>
    /// The CLI as users run it: <c>dotnet evidence.dll</c> from the test's output folder. On Linux it
    /// starts through <c>env --default-signal=INT</c>: a shell starts background jobs (and <c>nohup</c>
    /// its command) with SIGINT ignored, a child inherits that, and the runtime then never hears
    /// Ctrl+C; a terminal's Ctrl+C reaches a process that has the default handling.
    /// </summary>
    private static Process StartEvidence(IEnumerable<string> args, int stallSeconds)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsLinux() ? "env" : "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (OperatingSystem.IsLinux())
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(typeof(EvidenceCommand).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["EVIDENCE_TEST_STALL_SECONDS"] = stallSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        return Process.Start(start)!;
    }
}
