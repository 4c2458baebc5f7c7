using System.CommandLine;
using Reports.Cli;

namespace Reports.Tests.Support;

/// <summary>Runs the <c>evidence</c> command line in-process, exactly as <c>Program</c> does, capturing its output.</summary>
internal static class EvidenceCli
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(TimeProvider.System, args);

    public static async Task<CliResult> RunAsync(TimeProvider time, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await EvidenceCommand.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, time);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs with <paramref name="environment"/> as the only environment variables <c>notify</c> sees (tokens, CI variables).</summary>
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(TimeProvider.System, environment, args);

    /// <summary>As above, at the time <paramref name="time"/> gives.</summary>
    public static async Task<CliResult> RunAsync(TimeProvider time, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await EvidenceCommand.RunAsync(
            args, new InvocationConfiguration { Output = output, Error = error }, time, environment: name => environment.GetValueOrDefault(name));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
