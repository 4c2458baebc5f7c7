using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Reports.Cli;
using Reports.Fakes;

// `site`: the site benchmark (SiteBenchmark.cs); `page-render`: a built site's pages in Chromium (PageRenderBenchmark.cs); `week`: one report's steady rendering cost (WeekBenchmark.cs); `bomb`: peak memory
// of a build fed gzip bombs (BombBenchmark.cs). Otherwise: cold and warm `evidence collect` of
// one week against the fake GitLab and the fake Linear with injected latency: requests made and wall time per source, next to the ideal: for GitLab requests ÷
// concurrency × latency; for Linear one latency per listing request (they follow one another) plus
// one per round of history batches in flight.
if (args is ["site", ..])
{
    return SiteBenchmark.Run(args[1..]);
}

if (args is ["site-prepare", var siteFolder, ..])
{
    SiteBenchmark.Prepare(siteFolder, SiteBenchmark.Option(args, "--students", 50), SiteBenchmark.Option(args, "--weeks", 14));
    return 0;
}

if (args is ["course-prepare", var courseFolder, ..])
{
    var (teams, members, weekCount) = (SiteBenchmark.Option(args, "--teams", 100), SiteBenchmark.Option(args, "--students", 5), SiteBenchmark.Option(args, "--weeks", 14));
    CourseBenchmark.Prepare(courseFolder, teams, members, weekCount);
    Console.WriteLine(CourseBenchmark.Describe(teams, members, weekCount));
    return 0;
}

if (args is ["course-build", var courseSnapshots, var courseOutput])
{
    return CourseBenchmark.Build(courseSnapshots, courseOutput);
}

if (args is ["page-render", ..])
{
    return await PageRenderBenchmark.RunAsync(args[1..]);
}

if (args is ["bomb", ..])
{
    return await BombBenchmark.RunAsync(args[1..]);
}

if (args is ["week", ..])
{
    return WeekBenchmark.Run(args[1..]);
}

if (args is ["site-build", var snapshots, var output])
{
    var exceptions = 0;
    AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref exceptions);
    var code = SiteBenchmark.Build(snapshots, output);

    // What the runtime spent besides the work, for reading a profile beside the timings.
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, " +
        $"{GC.GetTotalAllocatedBytes() / 1048576} MB allocated; jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, " +
        $"{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms; {exceptions} exceptions thrown; " +
        $"{Monitor.LockContentionCount} lock contentions, {ThreadPool.ThreadCount} pool threads"));
    return code;
}

var mergeRequests = Argument("--mrs", 130);
var issues = Argument("--issues", 200);
var latencyMs = Argument("--latency", 50);
var concurrency = Argument("--concurrency", 8);
var rounds = Argument("--rounds", 3);
var jakarta = TimeSpan.FromHours(7);
const int OldIssues = 10;

await using var fake = await FakeGitLab.StartAsync();
var student = fake.AddUser("abhipraya", "Abhipraya");
var teammate = fake.AddUser("froklax", "Froklax");
var project = fake.AddProject("ppl/sira-backend");
for (var i = 0; i < mergeRequests; i++)
{
    var mr = fake.AddMergeRequest(project, teammate, m =>
    {
        m.CreatedAt = new DateTimeOffset(2025, 3, 24, 9, 0, 0, jakarta).AddMinutes(i);
        m.SourceBranch = $"sira-{(i < mergeRequests - OldIssues ? i : issues + i - (mergeRequests - OldIssues)) + 1}-work";
    });
    mr.AddThread(student, $"**P2**: finding {i}\n\n```python\nfix()\n```", new DateTimeOffset(2025, 3, 25, 9, 0, 0, jakarta).AddMinutes(i));
    mr.AddCommit("abhipraya@example.com", "review fix", new DateTimeOffset(2025, 3, 26, 9, 0, 0, jakarta));
}

// Issues changed in the week, each with a short history (its creation and one move by the student);
// the merge requests name the first ones, and the last OldIssues name issues not changed this week.
await using var linear = await FakeLinear.StartAsync();
var linearStudent = linear.AddUser("Abhipraya", "abhipraya@example.com");
var team = linear.AddTeam("SIRA");
for (var i = 0; i < issues; i++)
{
    var issue = linear.AddIssue(team, linearStudent, x => x.CreatedAt = new DateTimeOffset(2025, 3, 24, 8, 0, 0, jakarta).AddMinutes(i));
    issue.AddHistory(new FakeLinearHistory { CreatedAt = issue.CreatedAt, Actor = linearStudent, ToState = FakeLinearState.Backlog });
    issue.AddHistory(new FakeLinearHistory { CreatedAt = issue.CreatedAt.AddHours(30), Actor = linearStudent, FromState = FakeLinearState.Backlog, ToState = FakeLinearState.Todo });
}

for (var i = 0; i < OldIssues; i++)
{
    linear.AddIssue(team, linearStudent, x => { x.CreatedAt = new DateTimeOffset(2025, 3, 1, 8, 0, 0, jakarta); x.UpdatedAt = x.CreatedAt; });
}

var folder = Directory.CreateTempSubdirectory("evidence-bench-");
var tokenEnv = "EVIDENCE_BENCH_TOKEN";
var keyEnv = "EVIDENCE_BENCH_LINEAR_KEY";
Environment.SetEnvironmentVariable(tokenEnv, fake.Token);
Environment.SetEnvironmentVariable(keyEnv, FakeLinear.DefaultApiKey);
var config = Path.Combine(folder.FullName, "evidence.yml");
File.WriteAllText(config, $$"""
    student: { username: abhipraya, emails: [abhipraya@example.com], linear_email: abhipraya@example.com }
    gitlab: { url: "{{fake.BaseUrl}}", projects: [ppl/sira-backend], token_env: {{tokenEnv}}, concurrency: {{concurrency}} }
    linear: { url: "{{linear.Url}}", api_key_env: {{keyEnv}}, teams: [SIRA] }
    calendar: { timezone: Asia/Jakarta, sprints: [ { name: Sprint 2, start: 2025-03-24, weeks: 2 } ] }
    """);

fake.Latency = TimeSpan.FromMilliseconds(latencyMs);
linear.Latency = TimeSpan.FromMilliseconds(latencyMs);
Console.WriteLine($"evidence collect, {mergeRequests} merge requests and {issues} Linear issues in the window, {latencyMs} ms per request, GitLab concurrency {concurrency}");
Console.WriteLine("(round 1 includes the process's JIT warm-up, as a student's first run does; later rounds start with an empty cache)");
Console.WriteLine("round run   source   requests   wall ms   ideal ms   wall/ideal");
foreach (var (round, run) in Enumerable.Range(1, rounds).SelectMany(r => new[] { (r, "cold"), (r, "warm") }))
{
    var cache = Path.Combine(folder.FullName, ".evidence-cache");
    if (run == "cold" && Directory.Exists(cache))
    {
        Directory.Delete(cache, recursive: true);
    }

    fake.ResetLog();
    linear.ResetLog();
    var progress = new StageClock();
    var clock = progress.Clock;
    var exit = await EvidenceCommand.Create()
        .Parse(["collect", "--config", config, "--sprint", "2", "--week", "1", "--snapshot", Path.Combine(folder.FullName, "week.json")])
        .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = progress });
    clock.Stop();
    if (exit != 0)
    {
        Console.Error.WriteLine($"{run} run failed with exit code {exit}");
        return exit;
    }

    // GitLab runs first; Linear's time starts with its first progress line.
    var linearStart = progress.FirstLinear ?? clock.Elapsed;
    Row(round, run, "gitlab", fake.Requests.Count, linearStart, fake.Requests.Count / (double)concurrency);

    // Linear's listing requests follow one another; history batches go a few at a time.
    var batches = linear.Count("IssueHistoryBatch");
    var waves = Math.Ceiling(batches / (double)Reports.Linear.LinearSource.HistoryBatchesInFlight);
    Row(round, run, "linear", linear.Requests.Count, clock.Elapsed - linearStart, linear.Requests.Count - batches + waves);
}

folder.Delete(recursive: true);
return 0;

// serial: how many latencies the requests need at the least, given what may run at once.
void Row(int round, string run, string source, int requests, TimeSpan wall, double serial)
{
    var ideal = serial * latencyMs;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{round,5} {run,-5} {source,-7} {requests,9} {wall.TotalMilliseconds,9:0} {ideal,10:0} {wall.TotalMilliseconds / ideal,12:0.00}"));
}

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>The progress lines `collect` writes, timed: when Linear's first stage began.</summary>
internal sealed class StageClock : StringWriter
{
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public TimeSpan? FirstLinear { get; private set; }

    public override void WriteLine(string? value)
    {
        if (FirstLinear is null && value?.Contains(": Linear ", StringComparison.Ordinal) == true)
        {
            FirstLinear = Clock.Elapsed;
        }

        base.WriteLine(value);
    }
}
