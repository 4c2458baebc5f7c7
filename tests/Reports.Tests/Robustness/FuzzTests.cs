using System.Text;
using Reports.Cli;
using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Robustness;

/// <summary>
/// 10,000 generated inputs (configs, snapshots, command lines: valid ones perturbed) and hundreds of
/// perturbed remote answers through the real command line, in process, against a fake GitLab and a
/// fake Linear on 127.0.0.1. Whatever the input: a documented exit code, at most one <c>error:</c>
/// line, no stack trace or unexpected failure, no token, and the output folder either unchanged or
/// complete. A failure names the seed and the input.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int Seed = 20261129;
    private static readonly int[] DocumentedExitCodes = [0, 1, 2, 3];

    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_FUZZ_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _keyEnv = "EVIDENCE_FUZZ_LINEAR_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private FakeGitLab _fake = null!;
    private FakeLinear _linear = null!;

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
        _linear = await FakeLinear.StartAsync();
        AddRemoteWeek(student, teammate, at);
        Environment.SetEnvironmentVariable(_keyEnv, FakeLinear.DefaultApiKey);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        Environment.SetEnvironmentVariable(_keyEnv, null);
        await _fake.DisposeAsync();
        await _linear.DisposeAsync();
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

        // A file or folder option only ever names a place in this test's folder, so nothing is written elsewhere.
        string[] paths = [config, snapshot, folder, output, Path.Combine(folder, "missing.yml"), Path.Combine(folder, "context.json"), Path.Combine(folder, "new", "deep")];
        var values = mutator.EdgeValues.Where(v => !v.Contains("etc", StringComparison.Ordinal)).Concat(
        [
            "2025-03-24", "2025-03-30", "2", "1", "--", "-", "-c", "--out", "html", "hugo", "pdf", "ppl/sira-backend", "42", "abhipraya",
        ]).ToList();

        // Every command and every option the real command line has, so a new one is fuzzed as soon as it exists.
        var commands = Commands(EvidenceCommand.Create()).Append((Path: "", Options: [])).Append((Path: "biuld", Options: [])).ToList();
        var everyOption = commands.SelectMany(c => c.Options).DistinctBy(o => o.Name).ToList();
        for (var i = 0; i < 5000; i++)
        {
            var (path, own) = mutator.Pick(commands);
            var args = path.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            for (var n = mutator.Next(6); n > 0; n--)
            {
                // Mostly the command's own options; now and then another command's.
                var option = own.Count > 0 && mutator.Next(5) != 0 ? mutator.Pick(own) : mutator.Pick(everyOption);
                args.Add(mutator.Next(4) == 0 && option.Aliases.Count > 0 ? mutator.Pick(option.Aliases.ToList()) : option.Name);
                if (mutator.Next(4) != 0)
                {
                    args.Add(option.ValueType == typeof(FileInfo) || option.ValueType == typeof(DirectoryInfo) ? mutator.Pick(paths) : mutator.Pick(values));
                }
            }

            // Whatever else the line says, what a command writes goes into this test's folder.
            args.AddRange(path switch
            {
                "init" => ["--dir", Path.Combine(folder, "init")],
                "templates export" or "templates" => [Path.Combine(folder, "templates-" + (i % 3))],
                "collect" => ["--snapshot", Path.Combine(folder, "collected.json"), "--config", config],
                "build" => ["--out", output, "--config", config],
                "notify" => ["--config", config],
                "course-index" => ["--site", output],
                _ => ["--out", output],
            });

            await RunAndCheck($"command line #{i}: {string.Join(' ', args.Select(a => $"[{a}]"))}", output, [.. args]);
        }
    }

    [Fact]
    public async Task Generated_remote_answers_end_in_the_clean_report_or_in_exit_2_with_one_line_naming_the_endpoint()
    {
        var config = _work.Write("remote/evidence.yml", RemoteConfig());
        var output = _work.Combine("remote", "out");
        string[] args = ["build", "--config", config, "--sprint", "2", "--week", "1", "--no-cache", "--out", output];
        var clean = await EvidenceCli.RunAsync(args);
        Assert.True(clean.ExitCode == 0, clean.Error);
        var reportPath = Path.Combine(output, "sprint-2-week-1", "report.md");
        var report = await File.ReadAllTextAsync(reportPath);
        Assert.Contains("null check missing", report, StringComparison.Ordinal);
        Assert.Contains("Invoice PDF export", report, StringComparison.Ordinal);

        // Every list the build reads, each answered once a run: the merge requests, each one's discussions and commits, and Linear's operations.
        var mutator = new Mutator(Seed + 3, _fake.Token);
        string[] targets =
        [
            "/merge_requests", "/merge_requests/1/discussions", "/merge_requests/1/commits", "/merge_requests/2/discussions", "/merge_requests/2/commits",
            "Teams", "UsersByEmails", "CandidateIssues", "IssueHistoryBatch", "IssuesByNumber",
        ];
        var exits = new List<int>();
        var hit = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var target = mutator.Pick(targets);
                var seed = mutator.Next(int.MaxValue);
                var done = new System.Collections.Concurrent.ConcurrentQueue<string>();
                _fake.Answering = a =>
                {
                    if (a.Page is not null && a.Request.Path.StartsWith("/api/v4/projects/", StringComparison.Ordinal) && a.Request.Path.EndsWith(target, StringComparison.Ordinal)
                        && !(target == "/merge_requests" && a.Request.Path.Contains("/merge_requests/", StringComparison.Ordinal)))
                    {
                        done.Enqueue(new Mutator(seed, _fake.Token).MutateItem(a.Body) ?? "nothing to change");
                    }
                };
                _linear.Answering = a =>
                {
                    if (a.Request.OperationName == target)
                    {
                        done.Enqueue(new Mutator(seed, _fake.Token).MutateItem(a.Body) ?? "nothing to change");
                    }
                };

                string Describe() => $"remote answer #{i}: {target}: {string.Join("; ", done)}";
                var result = await RunAndCheck(Describe, output, args);

                var input = Describe();
                exits.Add(result.ExitCode);
                if (!done.IsEmpty)
                {
                    hit.Add(target);
                }

                Assert.False(result.Error.Contains(FakeLinear.DefaultApiKey, StringComparison.Ordinal), $"Linear key in output\n--- {input}");
                if (result.ExitCode == 0)
                {
                    Assert.True(report == await File.ReadAllTextAsync(reportPath), $"exit 0 with another report\n--- {input}");
                }
                else
                {
                    var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
                    Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}, not 2, for a bad answer\n{result.Error}\n--- {input}");
                    Assert.True(line.Contains("answered GET /api/v4/", StringComparison.Ordinal) || line.Contains("answered POST /graphql (", StringComparison.Ordinal), $"the line names no endpoint\n{line}\n--- {input}");
                }
            }
        }
        finally
        {
            _fake.Answering = null;
            _linear.Answering = null;
        }

        // Every list was perturbed, and both outcomes occurred, or the answers were not perturbed where it matters.
        Assert.Equal(targets.Order(StringComparer.Ordinal), hit.Order(StringComparer.Ordinal));
        Assert.True(exits.Count(e => e == 0) >= 20 && exits.Count(e => e == 2) >= 20, $"exits: {exits.Count(e => e == 0)} × 0, {exits.Count(e => e == 2)} × 2");
    }

    private static IEnumerable<(string Path, IReadOnlyList<System.CommandLine.Option> Options)> Commands(System.CommandLine.Command parent, string prefix = "") =>
        parent.Subcommands.SelectMany(c => Commands(c, prefix + c.Name + " ")
            .Prepend(((prefix + c.Name).Trim(), (IReadOnlyList<System.CommandLine.Option>)[.. c.Options.Where(o => o.Name is not "--help")])));

    private Task<CliResult> RunAndCheck(string input, string outputFolder, string[] args) => RunAndCheck(() => input, outputFolder, args);

    /// <summary>Runs and checks the invariants; <paramref name="describe"/> is asked after the run, so it can say what the run met.</summary>
    private async Task<CliResult> RunAndCheck(Func<string> describe, string outputFolder, string[] args)
    {
        var before = Tree(outputFolder);

        var result = await EvidenceCli.RunAsync(args);

        var input = describe();
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

        return result;
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

    /// <summary>
    /// The week the remote answers are perturbed in, on a project and a Linear team of their own: a
    /// reviewed, merged merge request with threads, replies, a summary, a bot note and commits; the
    /// student's own naming an older ticket (read by number); tickets created, groomed and moved.
    /// </summary>
    private void AddRemoteWeek(FakeUser student, FakeUser teammate, DateTimeOffset at)
    {
        var web = _fake.AddProject("ppl/sira-web");
        var bot = _fake.AddUser("sirabot", "SIRA Bot");
        var team = _linear.AddTeam("SIRA", "Sira");
        var linearStudent = _linear.AddUser("Abhipraya", "abhipraya@example.com");
        var linearMate = _linear.AddUser("Froklax", "froklax@example.com");
        var model = _linear.AddIssue(team, linearMate, i => { i.Title = "Invoice model"; i.CreatedAt = at.AddDays(-30); i.UpdatedAt = at.AddDays(-29); });

        var reviewed = _fake.AddMergeRequest(web, teammate, m => { m.Title = "Cancel invoice"; m.CreatedAt = at.AddDays(-1); m.Labels.Add("backend"); });
        reviewed.AddThread(student, "**P1**: null check missing\n\n```suggestion\nif (invoice is null) return;\n```", at).Reply(teammate, "fixed", at.AddHours(1));
        reviewed.AddThread(teammate, "Should this be async?", at.AddHours(2)).Reply(student, "Yes, it waits on I/O", at.AddHours(3));
        reviewed.AddNote(student, "Summary: one finding", at.AddHours(4));
        reviewed.AddNote(bot, "SonarQube: quality gate passed", at.AddHours(5));
        reviewed.AddCommit("froklax@example.com", "Cancel invoices", at.AddHours(-2));
        reviewed.AddCommit("abhipraya@example.com", "Add the null check", at.AddHours(6));
        reviewed.Merge(student, at.AddDays(1));
        var own = _fake.AddMergeRequest(web, student, m => { m.Title = $"{model.Identifier} invoice model fields"; m.CreatedAt = at.AddHours(1); });
        own.AddThread(teammate, "nitpick: rename the field", at.AddHours(7)).Reply(student, "done", at.AddHours(8));
        own.AddCommit("abhipraya@example.com", "Invoice fields", at.AddHours(2));

        var export = _linear.AddIssue(team, linearStudent, i => { i.Title = "Invoice PDF export"; i.CreatedAt = at; i.State = FakeLinearState.Todo; i.Labels.Add(("label-1", "Feature")); });
        export.AddHistory(new FakeLinearHistory { CreatedAt = at, Actor = linearStudent, ToState = FakeLinearState.Todo });
        export.AddHistory(new FakeLinearHistory { CreatedAt = at.AddMinutes(10), Actor = linearStudent, ToEstimate = 3 });
        var cancel = _linear.AddIssue(team, linearMate, i => { i.Title = "Cancel invoice"; i.CreatedAt = at.AddDays(-10); i.State = FakeLinearState.InProgress; });
        cancel.Attachments.Add($"{_fake.BaseUrl}ppl/sira-web/-/merge_requests/{reviewed.Iid}");
        cancel.AddHistory(new FakeLinearHistory { CreatedAt = at.AddDays(-10), Actor = linearMate, ToState = FakeLinearState.Todo });
        cancel.AddHistory(new FakeLinearHistory { CreatedAt = at.AddHours(9), Actor = linearStudent, FromState = FakeLinearState.Todo, ToState = FakeLinearState.InProgress });
        cancel.AddHistory(new FakeLinearHistory { CreatedAt = at.AddHours(10), Actor = linearMate, FromEstimate = 1, ToEstimate = 2 });
    }

    private string RemoteConfig() => $"""
        course: PPL
        student:
          username: abhipraya
          name: Abhipraya
          emails: [abhipraya@example.com]
          linear_email: abhipraya@example.com
        gitlab:
          url: {_fake.BaseUrl}
          projects: [ppl/sira-web]
          token_env: {_tokenEnv}
          bots: [sirabot]
          timeout_seconds: 10
        linear:
          url: {_linear.Url}
          api_key_env: {_keyEnv}
          teams: [SIRA]
          timeout_seconds: 10
        calendar:
          timezone: Asia/Jakarta
          sprints:
            - {"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}
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
