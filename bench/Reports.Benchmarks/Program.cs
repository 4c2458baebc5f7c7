using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Reports.Cli;
using Reports.Fakes;

// Cold and warm `evidence collect` of one week against the fake GitLab with injected latency:
// requests made and wall time, next to the ideal of requests ÷ concurrency × latency.
var mergeRequests = Argument("--mrs", 130);
var latencyMs = Argument("--latency", 50);
var concurrency = Argument("--concurrency", 8);
var rounds = Argument("--rounds", 3);

await using var fake = await FakeGitLab.StartAsync();
var student = fake.AddUser("abhipraya", "Abhipraya");
var teammate = fake.AddUser("froklax", "Froklax");
var project = fake.AddProject("ppl/sira-backend");
var jakarta = TimeSpan.FromHours(7);
for (var i = 0; i < mergeRequests; i++)
{
    var mr = fake.AddMergeRequest(project, teammate, m => m.CreatedAt = new DateTimeOffset(2025, 3, 24, 9, 0, 0, jakarta).AddMinutes(i));
    mr.AddThread(student, $"**P2**: finding {i}\n\n```python\nfix()\n```", new DateTimeOffset(2025, 3, 25, 9, 0, 0, jakarta).AddMinutes(i));
    mr.AddCommit("abhipraya@example.com", "review fix", new DateTimeOffset(2025, 3, 26, 9, 0, 0, jakarta));
}

var folder = Directory.CreateTempSubdirectory("evidence-bench-");
var tokenEnv = "EVIDENCE_BENCH_TOKEN";
Environment.SetEnvironmentVariable(tokenEnv, fake.Token);
var config = Path.Combine(folder.FullName, "evidence.yml");
File.WriteAllText(config, $$"""
    student: { username: abhipraya, emails: [abhipraya@example.com] }
    gitlab: { url: "{{fake.BaseUrl}}", projects: [ppl/sira-backend], token_env: {{tokenEnv}}, concurrency: {{concurrency}} }
    calendar: { timezone: Asia/Jakarta, sprints: [ { name: Sprint 2, start: 2025-03-24, weeks: 2 } ] }
    """);

fake.Latency = TimeSpan.FromMilliseconds(latencyMs);
Console.WriteLine($"evidence collect, {mergeRequests} merge requests in the window, {latencyMs} ms per request, concurrency {concurrency}");
Console.WriteLine("(round 1 includes the process's JIT warm-up, as a student's first run does; later rounds start with an empty cache)");
Console.WriteLine("round run   requests   wall ms   ideal ms   wall/ideal   max in flight");
foreach (var (round, run) in Enumerable.Range(1, rounds).SelectMany(r => new[] { (r, "cold"), (r, "warm") }))
{
    var cache = Path.Combine(folder.FullName, ".evidence-cache");
    if (run == "cold" && Directory.Exists(cache))
    {
        Directory.Delete(cache, recursive: true);
    }

    fake.ResetLog();
    var clock = Stopwatch.StartNew();
    var exit = await EvidenceCommand.Create()
        .Parse(["collect", "--config", config, "--sprint", "2", "--week", "1", "--snapshot", Path.Combine(folder.FullName, "week.json")])
        .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });
    clock.Stop();
    if (exit != 0)
    {
        Console.Error.WriteLine($"{run} run failed with exit code {exit}");
        return exit;
    }

    var requests = fake.Requests.Count;
    var ideal = requests * latencyMs / (double)concurrency;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{round,5} {run,-5} {requests,9} {clock.ElapsedMilliseconds,9} {ideal,10:0} {clock.ElapsedMilliseconds / ideal,12:0.00} {fake.MaxInFlight,15}"));
}

folder.Delete(recursive: true);
return 0;

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
