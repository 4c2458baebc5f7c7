using System.CommandLine;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Model;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>Every way a command line can be wrong ends in one <c>error:</c> line and exit 1, never a crash.</summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly TempDirectory _work = new();

    public CommandLineErrorTests()
    {
        _work.Write("evidence.yml", "student: { username: abhipraya }\ngitlab: { url: https://gitlab.example.com, projects: [ppl/sira] }\ncalendar:\n  sprints:\n    - { name: Sprint 2, start: 2025-03-24, weeks: 2 }\n");
    }

    public static TheoryData<string, string> BadCommandLines => new()
    {
        { "build --sprint 2 --week abc", "error: --week: 'abc' is not a week number (a whole number from 1 to 999), e.g. --sprint 2 --week 1" },
        { "build --sprint 99999999999 --week 1", "error: --sprint: '99999999999' is not a sprint number (a whole number from 1 to 999), e.g. --sprint 2 --week 1" },
        { "collect --sprint -1 --week 1 --snapshot x.json", "error: --sprint: '-1' is not a sprint number (a whole number from 1 to 999), e.g. --sprint 2 --week 1" },
        { "build --from yesterday --to 2025-03-30", "error: --from: 'yesterday' is not a date (use YYYY-MM-DD), e.g. --from 2025-03-24 --to 2025-03-30" },
        { "build --from 9999-12-31 --to 9999-12-31", "error: --from: 9999-12-31 is outside the dates evidence supports (1900-01-01 to 9998-12-31), e.g. --from 2025-03-24 --to 2025-03-30" },
        { "build --from 0001-01-01 --to 2025-03-30", "error: --from: 0001-01-01 is outside the dates evidence supports (1900-01-01 to 9998-12-31), e.g. --from 2025-03-24 --to 2025-03-30" },
        { "build --sprint 2", "error: --sprint and --week go together, e.g. --sprint 2 --week 1" },
        { "build --from 2025-03-24", "error: --from and --to go together, e.g. --from 2025-03-24 --to 2025-03-30" },
        { "build", "error: choose one window: --sprint N --week M, --from DATE --to DATE, --current-week or --all-weeks (e.g. --sprint 2 --week 1)" },
        { "build --current-week --all-weeks", "error: choose one window: --sprint N --week M, --from DATE --to DATE, --current-week or --all-weeks (e.g. --sprint 2 --week 1)" },
        { "build --sprint 2 --week 1 --outt x", "error: '--outt' is not an option or command of 'evidence build' (did you mean '--out'?)" },
        { "build --sprint 2 --week 1 --bogus", "error: '--bogus' is not an option or command of 'evidence build'; see 'evidence build --help'" },
        { "", "error: choose a command: build, collect, render, demo, check, init, notes, templates, course-index, notify; see 'evidence --help'" },
        { "biuld", "error: 'biuld' is not an option or command of 'evidence' (did you mean 'build'?)" },
        { "render", "error: Option '--snapshot' is required; see 'evidence render --help'" },
        { "templates export", "error: Required argument 'DIR' missing for command: 'export'; see 'evidence templates export --help'" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task Bad_command_line_is_one_error_line_and_exit_1(string commandLine, string expected)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--config").Append(_work.Combine("evidence.yml"));
        if (!commandLine.StartsWith("build", StringComparison.Ordinal) && !commandLine.StartsWith("collect", StringComparison.Ordinal))
        {
            args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        var result = await EvidenceCli.RunAsync([.. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected + "\n", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Snapshot_that_is_a_folder_is_named_as_a_folder()
    {
        var result = await EvidenceCli.RunAsync("render", "--snapshot", _work.Path, "--out", _work.Combine("site"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: snapshot '{_work.Path}' is a folder; pass the snapshot file itself, e.g. --snapshot {Path.Combine(_work.Path, "week.json")}\n", result.Error);
    }

    [Fact]
    public async Task Control_characters_from_input_never_reach_the_terminal()
    {
        var config = _work.Combine("evil\u001b[31m\u0007.yml");

        var result = await EvidenceCli.RunAsync("build", "--config", config, "--sprint", "2", "--week", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: config file '{_work.Combine("evil\\x1b[31m\\x07.yml")}' not found; create one with 'evidence init' or pass --config\n", result.Error);
    }

    [Fact]
    public async Task Nul_in_an_argument_is_one_error_line()
    {
        var result = await EvidenceCli.RunAsync("render", "--snapshot", "week\0.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("^error: could not read the command line: [^\0\n]+\n$", result.Error);
    }

    [Fact]
    public async Task Unexpected_exception_is_one_line_with_a_hint_and_exit_1()
    {
        var (exitCode, error) = await RunFailing(new InvalidOperationException("boom\nsecond line"), "demo");

        Assert.Equal(1, exitCode);
        Assert.Equal("error: unexpected InvalidOperationException: boom second line (a bug in evidence; re-run with --verbose for the trace and report it)\n", error);
    }

    [Fact]
    public async Task Verbose_adds_the_trace_after_the_error_line_without_secrets()
    {
        Secrets.Register("glpat-verbose-secret-value");
        var (exitCode, error) = await RunFailing(new InvalidOperationException("token glpat-verbose-secret-value leaked"), "demo", "--verbose");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: unexpected InvalidOperationException: token [redacted] leaked (a bug in evidence; the trace follows and report it)\n", error);
        Assert.Contains("   at ", error);
        Assert.DoesNotContain("glpat-verbose-secret-value", error);
    }

    [Fact]
    public void Error_line_escapes_control_characters_and_joins_lines()
    {
        Assert.Equal("error: a b c\\x00d\\x1b[0m", ErrorLine.Format("a\r\nb\tc\0d\u001b[0m"));
    }

    public void Dispose() => _work.Dispose();

    private static async Task<(int ExitCode, string Error)> RunFailing(Exception failure, params string[] args)
    {
        var error = new StringWriter();
        var parse = EvidenceCommand.Create().Parse(args);
        parse.InvocationConfiguration.Error = error;
        var exitCode = await CommandRunner.RunAsync(parse, CancellationToken.None, (_, _) => throw failure);
        return (exitCode, error.ToString());
    }
}
