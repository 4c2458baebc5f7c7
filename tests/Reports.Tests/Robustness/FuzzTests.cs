using System.Text;
using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Robustness;

/// <summary>
/// 10,000 generated inputs (configs, snapshots, command lines: valid ones perturbed) through the real
/// command line, in process, against a fake GitLab on 127.0.0.1. Whatever the input: a documented
/// exit code, at most one <c>error:</c> line, no stack trace or unexpected failure, no token, and
/// the output folder either unchanged or complete. A failure names the seed and the input.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int Seed = 20261129;
    private static readonly int[] DocumentedExitCodes = [0, 1, 2, 3];

    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_FUZZ_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private FakeGitLab _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        var student = _fake.AddUser("abhipraya", "Abhipraya");
        var teammate = _fake.AddUser("froklax", "Froklax");
        var project = _fake.AddProject("ppl/sira-backend");
        var at = new DateTimeOffset(2025, 3, 25, 10, 0, 0, TimeSpan.FromHours(7));
        var mr = _fake.AddMergeRequest(project, teammate, m => m.CreatedAt = at.AddDays(-1));
        mr.AddThread(student, "**P1**: <script>alert(1)</script> check this\n\n```suggestion\nfix()\n```", at);
        mr.AddCommit("abhipraya@example.com", "fix", at.AddHours(2));
        mr.Merge(student, at.AddDays(2));
        Environment.SetEnvironmentVariable(_tokenEnv, _fake.Token);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        await _fake.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Generated_configs_end_in_a_documented_exit_with_at_most_one_error_line()
    {
        var mutator = new Mutator(Seed, _fake.Token);
        var folder = _work.Combine("config");
        for (var i = 0; i < 2500; i++)
        {
            var yaml = mutator.MutateLines(ValidConfig());
            var path = Path.Combine(folder, "evidence.yml");
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(path, mutator.Next(5) == 0 ? mutator.MutateBytes(yaml) : Encoding.UTF8.GetBytes(yaml));

            await RunAndCheck($"config #{i}:\n{yaml}", folder, ["build", "--config", path, "--sprint", "2", "--week", "1"]);
        }
    }

    [Fact]
    public async Task Generated_snapshots_end_in_a_documented_exit_with_at_most_one_error_line()
    {
        var mutator = new Mutator(Seed + 1, _fake.Token);
        var bases = Directory.EnumerateFiles(Path.Combine(RepoPaths.Golden, "Cases"), "snapshot.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).Append(File.ReadAllText(RepoPaths.DemoSnapshot)).ToList();
        var folder = _work.Combine("snapshot");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "week.json");
        for (var i = 0; i < 2500; i++)
        {
            // The big demo week costs the most to render, so it is perturbed least often.
            var json = mutator.MutateJson(mutator.Next(8) == 0 ? bases[^1] : bases[mutator.Next(bases.Count - 1)]);
            await File.WriteAllBytesAsync(path, mutator.Next(6) == 0 ? mutator.MutateBytes(json) : Encoding.UTF8.GetBytes(json));

            await RunAndCheck($"snapshot #{i}:\n{json[..Math.Min(json.Length, 4000)]}", Path.Combine(folder, "out"), ["render", "--snapshot", path, "--out", Path.Combine(folder, "out")]);
        }
    }

    [Fact]
    public async Task Generated_command_lines_end_in_a_documented_exit_with_at_most_one_error_line()
    {
        var mutator = new Mutator(Seed + 2, _fake.Token);
        var folder = _work.Combine("cli");
        var config = _work.Write("cli/evidence.yml", ValidConfig());
        var snapshot = _work.Write("cli/week.json", File.ReadAllText(Path.Combine(RepoPaths.Golden, "Cases", "mixed-grading", "snapshot.json")));
        var output = Path.Combine(folder, "site");
        var values = mutator.EdgeValues.Where(v => !v.Contains("etc", StringComparison.Ordinal)).Concat(
        [
            config, snapshot, folder, Path.Combine(folder, "missing.yml"), "2025-03-24", "2025-03-30", "2", "1", "--", "-", "-c", "--out",
        ]).ToList();
        var options = new[]
        {
            "--config", "-c", "--sprint", "--week", "--from", "--to", "--current-week", "--all-weeks", "--templates", "--no-cache",
            "--snapshot", "-s", "--verbose", "--username", "-u", "--out", "-o", "--dir", "-h",
        };
        var commands = new[] { "build", "collect", "render", "demo", "init", "templates export", "templates", "", "biuld" };
        for (var i = 0; i < 5000; i++)
        {
            var args = mutator.Pick(commands).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            for (var n = mutator.Next(6); n > 0; n--)
            {
                args.Add(mutator.Pick(options));
                if (mutator.Next(4) != 0)
                {
                    args.Add(mutator.Pick(values));
                }
            }

            // Whatever else the line says, nothing may be written outside this test's folder.
            args.AddRange(args.FirstOrDefault() switch
            {
                "init" => ["--dir", Path.Combine(folder, "init")],
                "templates" => [Path.Combine(folder, "templates-" + (i % 3))],
                "collect" => ["--snapshot", Path.Combine(folder, "collected.json"), "--config", config],
                "build" => ["--out", output, "--config", config],
                _ => ["--out", output],
            });

            await RunAndCheck($"command line #{i}: {string.Join(' ', args.Select(a => $"[{a}]"))}", output, [.. args]);
        }
    }

    private async Task RunAndCheck(string input, string outputFolder, string[] args)
    {
        var before = Tree(outputFolder);

        var result = await EvidenceCli.RunAsync(args);

        var everything = result.Output + result.Error;
        var errorLines = result.Error.Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.True(DocumentedExitCodes.Contains(result.ExitCode), $"exit {result.ExitCode}\n{result.Error}\n--- {input}");
        Assert.True(errorLines <= 1, $"{errorLines} error lines\n{result.Error}\n--- {input}");
        Assert.False(result.ExitCode != 0 && errorLines == 0, $"exit {result.ExitCode} without an error line\n{result.Error}\n--- {input}");
        Assert.False(everything.Contains("   at ", StringComparison.Ordinal), $"stack trace\n{result.Error}\n--- {input}");
        Assert.False(result.Error.Contains("error: unexpected", StringComparison.Ordinal), $"{result.Error}\n--- {input}");
        Assert.False(everything.Contains(_fake.Token, StringComparison.Ordinal), $"token in output\n--- {input}");

        var after = Tree(outputFolder);
        if (result.ExitCode != 0)
        {
            Assert.True(SameTree(before, after), $"exit {result.ExitCode} but the output changed\n{result.Error}\n--- {input}");
        }
        else
        {
            AssertComplete(outputFolder, after, input);
        }
    }

    private void AssertComplete(string folder, IReadOnlyDictionary<string, byte[]> tree, string input)
    {
        Assert.DoesNotContain(tree.Keys, k => k.EndsWith(".tmp", StringComparison.Ordinal));
        foreach (var report in tree.Keys.Where(k => Path.GetFileName(k) == "report.md"))
        {
            var slug = Path.GetDirectoryName(report)!;
            var site = Path.GetDirectoryName(slug)!;
            Assert.True(tree.ContainsKey(Path.Combine(slug, "index.html")) && tree.ContainsKey(Path.Combine(site, "weeks.json")) && tree.ContainsKey(Path.Combine(site, "index.html")),
                $"incomplete site in {folder}\n--- {input}");
        }

        foreach (var content in tree.Values)
        {
            Assert.False(Encoding.UTF8.GetString(content).Contains(_fake.Token, StringComparison.Ordinal), $"token in a written file\n--- {input}");
        }
    }

    private string ValidConfig() => $"""
        course: PPL
        student:
          username: abhipraya
          name: Abhipraya
          emails: [abhipraya@example.com]
        gitlab:
          url: {_fake.BaseUrl}
          projects: [ppl/sira-backend]
          token_env: {_tokenEnv}
          bots: [sirabot]
          concurrency: 4
          timeout_seconds: 10
        calendar:
          timezone: Asia/Jakarta
          sprints:
            - {"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}
        review:
          levels: {"{"} nitpick: P3, critical: P0 {"}"}
        notes: notes
        output: out
        """;

    private static Dictionary<string, byte[]> Tree(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains(".evidence-cache", StringComparison.Ordinal) && !f.EndsWith(".yml", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes)
            : [];

    private static bool SameTree(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var other) && other.AsSpan().SequenceEqual(e.Value));
}
