using System.Diagnostics;
using System.Text.RegularExpressions;
using Reports.Cli;
using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// The README's quick start works as written on a fresh folder: each of its command lines, run as a
/// student runs it (the built tool in a new folder, at today's date), against the fake GitLab, with
/// evidence.yml edited as its comment says between init and check.
/// </summary>
public sealed partial class QuickStartTests : IAsyncLifetime
{
    private const string Run = "dotnet run --project src/Reports.Cli -- ";
    private readonly TempDirectory _work = new();
    private FakeGitLab _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        var student = _fake.AddUser("abhipraya", "Abhipraya");
        var project = _fake.AddProject("ppl/sira-backend");
        project.Members.Add((student, 30));
        var now = DateTimeOffset.UtcNow.AddMinutes(-2);
        var mr = _fake.AddMergeRequest(project, student, m => { m.Title = "Add the invoice view"; m.CreatedAt = now; });
        mr.AddCommit("abhipraya@example.com", "add the invoice view", now);
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task The_quick_start_goes_init_check_build_and_works_as_written()
    {
        var readme = DocPages.All.Single(p => p.Path == "README.md").Text;
        var section = readme[readme.IndexOf("## Using it for your own week", StringComparison.Ordinal)..];
        var fence = FenceRegex().Match(section).Groups["code"].Value;
        var environment = new Dictionary<string, string>();
        var ran = new List<string>();

        foreach (var line in fence.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.StartsWith("# edit evidence.yml", StringComparison.Ordinal))
            {
                Edit();
            }
            else if (line.StartsWith("export GITLAB_TOKEN=", StringComparison.Ordinal))
            {
                environment["GITLAB_TOKEN"] = _fake.Token;
            }
            else
            {
                Assert.StartsWith(Run, line, StringComparison.Ordinal);
                var arguments = line[Run.Length..].Split(" #")[0].Replace("YOUR_GITLAB_USERNAME", "abhipraya", StringComparison.Ordinal)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var (exitCode, output, error) = await EvidenceAsync(arguments, environment);
                Assert.True(exitCode == 0, $"evidence {string.Join(' ', arguments)} exited {exitCode}:\n{output}\n{error}");
                Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
                Assert.DoesNotContain(_fake.Token, output + error, StringComparison.Ordinal);
                ran.Add(arguments[0]);
            }
        }

        Assert.Equal(["init", "check", "build"], ran);
        var report = Assert.Single(Directory.GetFiles(_work.Combine("output"), "report.md", SearchOption.AllDirectories));
        Assert.Contains("Sprint 1, Week 1 (", File.ReadAllText(report), StringComparison.Ordinal);
    }

    /// <summary>What the comment says to edit: the instance, the project and the commit email; the sprint init wrote starts this week.</summary>
    private void Edit()
    {
        var yaml = File.ReadAllText(_work.Combine("evidence.yml"));
        yaml = Regex.Replace(yaml, @"url: https://gitlab\.example\.com", $"url: {_fake.BaseUrl}");
        yaml = yaml.Replace("projects: [group/project]", "projects: [ppl/sira-backend]", StringComparison.Ordinal);
        yaml = yaml.Replace("emails: []", "emails: [abhipraya@example.com]", StringComparison.Ordinal);
        File.WriteAllText(_work.Combine("evidence.yml"), yaml);
    }

    /// <summary>The built tool in the fresh folder, with only the variables the quick start sets besides the system's.</summary>
    private async Task<(int ExitCode, string Output, string Error)> EvidenceAsync(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = _work.Path,
        };
        start.ArgumentList.Add(BuiltTool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("GITLAB_CI");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The tool as its own project builds it (with its own dependencies), beside the tests' build: the same configuration and framework.</summary>
    private static string BuiltTool
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tool = Path.Combine(RepoPaths.Root, "src", "Reports.Cli", "bin", testBin.Parent!.Name, testBin.Name, Path.GetFileName(typeof(EvidenceCommand).Assembly.Location));
            return File.Exists(tool) ? tool : throw new InvalidOperationException($"{tool} is not built; run dotnet build Reports.sln");
        }
    }

    [GeneratedRegex(@"```sh\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex FenceRegex();
}
