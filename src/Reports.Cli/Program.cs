using System.CommandLine;
using Reports.Cli;

using var termination = new Termination(TimeSpan.FromSeconds(5), Console.Error);
var exitCode = await EvidenceCommand.RunAsync(
    args,
    new InvocationConfiguration { ProcessTerminationTimeout = null },
    TimeProvider.System,
    termination.Token);

// A run that stopped cooperatively after SIGTERM reports it as such, not as Ctrl+C.
return exitCode == (int)ExitCode.Interrupted && termination.ExitCode is { } signalled ? signalled : exitCode;
