using System.Diagnostics;
using System.Globalization;
using Reports.Fakes;

/// <summary>
/// <c>bomb [--inflate-mb 3072] [--mrs 16] [--evidence PATH]</c>: the peak memory of <c>evidence build</c>
/// against a fake GitLab whose answers are gzip bombs (a few MB inflating to 3 GB of JSON whitespace),
/// measured by <c>/usr/bin/time</c> around the real command in a child process, so the figure holds
/// nothing of the fake. Three runs: no bomb (the baseline), the merge request list as the bomb (one in
/// flight), and every merge request's discussions and commits as one (<c>gitlab.concurrency</c>, 8, in
/// flight at once).
/// Memory is measured here, never asserted in a test.
/// </summary>
internal static class BombBenchmark
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);

    public static async Task<int> RunAsync(string[] args)
    {
        var inflated = SiteBenchmark.Option(args, "--inflate-mb", 3072) * 1024L * 1024;
        var mergeRequests = SiteBenchmark.Option(args, "--mrs", 16);
        var evidence = OptionText(args, "--evidence") ?? FindEvidence();
        var time = "/usr/bin/time";
        if (!File.Exists(time) || evidence is null)
        {
            Console.Error.WriteLine("bomb needs /usr/bin/time and a built evidence.dll (dotnet build, or --evidence PATH)");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var bomb = FakeFault.GzipBomb(inflated);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bomb: {bomb.Bytes!.Length / 1024} KiB of gzip inflating to {inflated / 1048576} MiB (compressed in {clock.Elapsed.TotalSeconds:0.0} s); evidence: {evidence}"));

        foreach (var targets in new[] { Array.Empty<string>(), ["/merge_requests"], ["/discussions", "/commits"] })
        {
            await using var fake = await FakeGitLab.StartAsync();
            var student = fake.AddUser("abhipraya", "Abhipraya");
            var teammate = fake.AddUser("froklax", "Froklax");
            var project = fake.AddProject("ppl/sira-backend");
            for (var i = 0; i < mergeRequests; i++)
            {
                var mr = fake.AddMergeRequest(project, teammate, m => m.CreatedAt = new DateTimeOffset(2025, 3, 24, 9, 0, 0, Jakarta).AddMinutes(i));
                mr.AddThread(student, $"**P2**: finding {i}", new DateTimeOffset(2025, 3, 25, 9, 0, 0, Jakarta).AddMinutes(i));
            }

            foreach (var target in targets)
            {
                fake.Fail(target, bomb, times: 4 * mergeRequests);
            }

            using var work = new Folder();
            var config = Path.Combine(work.Path, "evidence.yml");
            File.WriteAllText(config, $"""
                student: {"{"} username: abhipraya, emails: [abhipraya@example.com] {"}"}
                gitlab: {"{"} url: "{fake.BaseUrl}", projects: [ppl/sira-backend], token_env: BOMB_BENCH_TOKEN {"}"}
                calendar: {"{"} timezone: Asia/Jakarta, sprints: [{"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}] {"}"}
                """);

            var run = new ProcessStartInfo(time)
            {
                ArgumentList = { "-f", "peak %M KiB, %e s wall, %U s user", "dotnet", evidence, "build", "--config", config, "--sprint", "2", "--week", "1", "--no-cache" },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment = { ["BOMB_BENCH_TOKEN"] = fake.Token },
            };
            using var process = Process.Start(run)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var bombs = fake.Requests.Count(r => targets.Any(t => r.Path.EndsWith(t, StringComparison.Ordinal)));
            var what = targets.Length == 0 ? "no bomb" : string.Join(" and ", targets) + " bombed";
            Console.WriteLine($"{what,-32} exit {process.ExitCode}, {lines[^1]}, {bombs} bomb(s) served, at most {fake.MaxInFlight} requests in flight");
            foreach (var line in lines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)))
            {
                Console.WriteLine($"  {line}");
            }
        }

        return 0;
    }

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The CLI built beside this bench in the repository (Release first), as a user's tool runs it.</summary>
    private static string? FindEvidence()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Reports.sln")))
            {
                return new[] { "Release", "Debug" }
                    .Select(c => Path.Combine(folder.FullName, "src", "Reports.Cli", "bin", c, "net10.0", "evidence.dll"))
                    .FirstOrDefault(File.Exists);
            }
        }

        return null;
    }

    /// <summary>A temporary folder for the config and the output, removed afterwards.</summary>
    private sealed class Folder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("evidence-bomb-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
