using Xunit.Abstractions;

namespace Reports.Tests.Support;

/// <summary>
/// A program some tests need from the machine (Chromium, Hugo). Where it is missing those tests
/// skip and name the fix, so <c>dotnet test Reports.sln</c> passes on a fresh machine; under CI
/// (<c>CI=true</c>) a missing program fails them instead, so CI can never pass by skipping.
/// </summary>
public sealed class MachineTool
{
    private readonly Func<string, string?> _environment;
    private readonly Func<string?> _locate;

    private MachineTool(string name, string install, Func<string?> locate, Func<string, string?> environment)
    {
        Name = name;
        Install = install;
        _locate = locate;
        _environment = environment;
    }

    /// <summary>Debian's Chromium, or the browser named by EVIDENCE_CHROMIUM; never a downloaded build.</summary>
    public static MachineTool Chromium { get; } = Create(
        "Chromium", "apt-get install -y chromium (or set EVIDENCE_CHROMIUM to a Chromium executable)", "EVIDENCE_CHROMIUM", "/usr/bin/chromium", Environment.GetEnvironmentVariable);

    /// <summary>Hugo on PATH, or the one named by EVIDENCE_HUGO.</summary>
    public static MachineTool Hugo { get; } = Create(
        "Hugo", "apt-get install -y hugo (or set EVIDENCE_HUGO to a hugo executable)", "EVIDENCE_HUGO", "hugo", Environment.GetEnvironmentVariable);

    public string Name { get; }

    /// <summary>The command that installs it, for the skip or failure message.</summary>
    public string Install { get; }

    /// <summary>True when the environment says this is CI: <c>CI</c> set to anything but empty, <c>0</c> or <c>false</c>.</summary>
    public bool IsCi => _environment("CI") is { Length: > 0 } ci && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A tool found at <paramref name="override"/>'s value, else at <paramref name="fallback"/>: an
    /// absolute path, or a bare name looked up on PATH.
    /// </summary>
    public static MachineTool Create(string name, string install, string @override, string fallback, Func<string, string?> environment) =>
        new(name, install, () => Locate(environment(@override) is { Length: > 0 } path ? path : fallback, environment("PATH")), environment);

    /// <summary>
    /// The executable's full path; skips the calling test when it is missing, or fails it under CI.
    /// A skip is also told to <paramref name="diagnostics"/>, which <c>dotnet test</c> prints even when quiet.
    /// </summary>
    public string Require(IMessageSink? diagnostics = null)
    {
        if (_locate() is { } path)
        {
            return path;
        }

        if (IsCi)
        {
            throw new Xunit.Sdk.XunitException($"{Name} not found, and CI={_environment("CI")} means these tests must run: {Install}");
        }

        var reason = $"{Name} not found, so the tests that need it are skipped: {Install}. (Under CI=true this is a failure.)";
        diagnostics?.OnMessage(new Xunit.Sdk.DiagnosticMessage(reason));
        throw new SkipException(reason);
    }

    private static string? Locate(string program, string? searchPath)
    {
        if (program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        return (searchPath ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }
}
