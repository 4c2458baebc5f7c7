using Microsoft.Extensions.Time.Testing;
using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Config;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Model;
using Reports.Sources;
using Reports.Tests.GitLab;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Sources;

/// <summary>
/// The seam: sources registered in a list, each fetched once per window, their facts merged into
/// the snapshot, and each one that ran recorded in <see cref="Snapshot.Sources"/>.
/// </summary>
public sealed class SnapshotCollectorTests
{
    private static readonly ReportWindow Week = new(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta", 2, 1);
    private static readonly DateTimeOffset Wednesday = new(2025, 3, 26, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_second_source_contributes_tickets_and_is_recorded_in_the_snapshot()
    {
        var tickets = Tickets();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 12, 0, 0, TimeSpan.FromHours(7)));
        using var collector = new SnapshotCollector(Config(), [tickets], clock);

        var snapshot = await collector.CollectAsync(Week, progress: null, CancellationToken.None);

        Assert.Equal(Snapshot.CurrentSchemaVersion, snapshot.SchemaVersion);
        Assert.Equal(["SIRA-1"], snapshot.Tickets.Select(t => t.Identifier));
        var run = Assert.Single(snapshot.Sources!);
        Assert.Equal("linear", run.Name);
        Assert.Equal("https://linear.example/graphql", run.Url);
        Assert.Equal(["SIRA"], run.Covered);
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 5, 0, 0, TimeSpan.Zero), run.CollectedAt);
    }

    [Fact]
    public async Task GitLab_and_a_second_source_both_contribute_and_both_are_recorded()
    {
        await using var s = await CollectorScenario.StartAsync();
        s.TeammateMergeRequest().AddThread(s.Student, "P1: bug", CollectorScenario.At(25, 10));
        var config = Config() with { GitLab = new GitLabConfig { Url = s.Fake.BaseUrl, Projects = ["ppl/sira-backend"] } };
        var gitLab = GitLabSource.FromConfig(config.GitLab, cache: null, _ => s.Fake.Token, FastClient.Options);
        using var collector = new SnapshotCollector(config, [gitLab, Tickets()], new FakeTimeProvider(Wednesday));

        var snapshot = await collector.CollectAsync(Week, progress: null, CancellationToken.None);

        Assert.Single(snapshot.Reviews);
        Assert.Single(snapshot.Tickets);
        Assert.Equal(["gitlab", "linear"], snapshot.Sources!.Select(r => r.Name));
        Assert.Equal(["ppl/sira-backend"], snapshot.Sources![0].Covered);
        Assert.DoesNotContain(s.Fake.Token, SnapshotSerializer.Serialize(snapshot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_students_share_one_fetch_per_source_and_each_gets_their_own_facts()
    {
        var tickets = Tickets();
        using var collector = new SnapshotCollector(Config(), [tickets], new FakeTimeProvider(Wednesday));
        StudentConfig[] team = [new() { Username = "abhipraya" }, new() { Username = "alice" }];

        var snapshots = await collector.CollectAsync(Week, team, progress: null, CancellationToken.None);

        Assert.Equal(1, tickets.Fetches);
        Assert.Equal(["abhipraya", "alice"], snapshots.Select(s => s.Student.Username));
        Assert.Equal(["SIRA-1"], snapshots[0].Tickets.Select(t => t.Identifier));
        Assert.Equal(["SIRA-2"], snapshots[1].Tickets.Select(t => t.Identifier));
        Assert.All(snapshots, s => Assert.Equal("linear", Assert.Single(s.Sources!).Name));
    }

    [Fact]
    public async Task The_collection_time_comes_from_the_clock_and_serializes_the_same_whatever_its_offset_and_ticks()
    {
        var instant = new DateTimeOffset(2025, 3, 31, 12, 0, 0, TimeSpan.FromHours(7)).AddTicks(1234567);
        var local = new FakeTimeProvider(instant);
        var utc = new FakeTimeProvider(instant.ToUniversalTime().AddTicks(-1234567));
        using var first = new SnapshotCollector(Config(), [Tickets()], local);
        using var second = new SnapshotCollector(Config(), [Tickets()], utc);

        var a = SnapshotSerializer.Serialize(await first.CollectAsync(Week, progress: null, CancellationToken.None));
        var b = SnapshotSerializer.Serialize(await second.CollectAsync(Week, progress: null, CancellationToken.None));

        Assert.Equal(a, b);
        Assert.Contains("\"collectedAt\": \"2025-03-31T05:00:00+00:00\"", a, StringComparison.Ordinal);
        Assert.Equal(a, SnapshotSerializer.Serialize(SnapshotSerializer.Deserialize(a, "round trip")));
    }

    [Fact]
    public async Task Progress_names_the_source_reporting_it()
    {
        var reports = new List<CollectionProgress>();
        using var collector = new SnapshotCollector(Config(), [Tickets()], new FakeTimeProvider(Wednesday));

        await collector.CollectAsync(Week, new Recorder(reports), CancellationToken.None);

        Assert.Equal([new CollectionProgress("linear", "issues", 3, 3)], reports);
    }

    [Fact]
    public async Task A_completing_window_runs_once_after_every_source_has_contributed_to_every_student()
    {
        var completing = new CompletingSource();
        using var collector = new SnapshotCollector(Config(), [completing, Tickets()], new FakeTimeProvider(Wednesday));
        StudentConfig[] team = [new() { Username = "abhipraya" }, new() { Username = "alice" }];

        var snapshots = await collector.CollectAsync(Week, team, progress: null, CancellationToken.None);

        Assert.Equal(1, completing.Completions);
        Assert.Equal(["SIRA-1+"], snapshots[0].ReferencedTickets!.Select(t => t.Identifier));
        Assert.Equal(["SIRA-2+"], snapshots[1].ReferencedTickets!.Select(t => t.Identifier));
    }

    [Fact]
    public void The_registry_adds_linear_when_configured_and_refuses_a_missing_api_key_naming_its_variable()
    {
        var config = Config() with { Linear = new LinearConfig { ApiKeyEnv = "EVIDENCE_TEST_LINEAR_KEY" } };

        var sources = SourceRegistry.FromConfig(config, useCache: true, name => name == "GITLAB_TOKEN" ? "a-token-for-tests" : "lin_api_for_tests");
        var error = Assert.Throws<EvidenceException>(() => SourceRegistry.FromConfig(config, useCache: false, name => name == "GITLAB_TOKEN" ? "a-token-for-tests" : null));

        Assert.Equal(["gitlab", "linear"], sources.Select(s => s.Name));
        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(error));
        Assert.Contains("EVIDENCE_TEST_LINEAR_KEY", error.Message, StringComparison.Ordinal);
        foreach (var source in sources.OfType<IDisposable>())
        {
            source.Dispose();
        }
    }

    [Fact]
    public void The_registry_builds_gitlab_from_the_config_and_refuses_a_missing_token_naming_it()
    {
        var sources = SourceRegistry.FromConfig(Config(), useCache: false, _ => "a-token-for-tests");
        var error = Assert.Throws<EvidenceException>(() => SourceRegistry.FromConfig(Config(), useCache: false, _ => null));

        Assert.Equal(["gitlab"], sources.Select(s => s.Name));
        Assert.Contains("GITLAB_TOKEN", error.Message, StringComparison.Ordinal);
        foreach (var source in sources.OfType<IDisposable>())
        {
            source.Dispose();
        }
    }

    private static TicketSource Tickets()
    {
        Ticket Issue(string id, int day) => new()
        {
            Identifier = id,
            Title = $"Ticket {id}",
            Url = $"https://linear.app/sira/issue/{id}",
            State = "Todo",
            CreatedAt = new DateTimeOffset(2025, 3, day, 10, 0, 0, TimeSpan.FromHours(7)),
        };

        return new TicketSource(
            SourceNames.Linear,
            new Uri("https://user:secret@linear.example/graphql?key=secret#top"),
            [Issue("SIRA-1", 25), Issue("SIRA-2", 26), Issue("SIRA-3", 20)],
            new Dictionary<string, string> { ["SIRA-1"] = "abhipraya", ["SIRA-2"] = "alice", ["SIRA-3"] = "abhipraya" });
    }

    private static EvidenceConfig Config() => new()
    {
        SourcePath = "/tmp/evidence.yml",
        Course = "PPL",
        Students = [new StudentConfig { Username = "abhipraya", Name = "Abhipraya" }],
        GitLab = new GitLabConfig { Url = new Uri("https://gitlab.example.ac.id"), Projects = ["ppl/sira-backend"] },
        Calendar = new CalendarConfig { TimeZone = "Asia/Jakarta" },
        NotesDirectory = "/tmp/notes",
        OutputDirectory = "/tmp/output",
        CacheDirectory = "/tmp/.evidence-cache",
    };

    /// <summary>
    /// A source whose window completes after all others: it reads the tickets another source gave
    /// each student and adds a referenced ticket for each. Counts its completions.
    /// </summary>
    private sealed class CompletingSource : ISource, ICompletingWindow
    {
        public int Completions { get; private set; }

        public string Name => "completing";

        public Uri Instance => new("https://completing.example/");

        public IReadOnlyList<string> Covered => [];

        public Task<IFetchedWindow> FetchAsync(CollectionWindow window, IProgress<CollectionProgress>? progress, CancellationToken ct) =>
            Task.FromResult<IFetchedWindow>(this);

        public void ContributeTo(StudentConfig student, SnapshotBuilder snapshot)
        {
        }

        public Task CompleteAsync(IReadOnlyList<(StudentConfig Student, SnapshotBuilder Snapshot)> students, IProgress<CollectionProgress>? progress, CancellationToken ct)
        {
            Completions++;
            foreach (var (_, snapshot) in students)
            {
                foreach (var ticket in snapshot.Tickets.ToList())
                {
                    snapshot.ReferencedTickets.Add(new ReferencedTicket { Identifier = ticket.Identifier + "+", Title = ticket.Title, Url = ticket.Url, State = ticket.State });
                }
            }

            return Task.CompletedTask;
        }
    }

    private sealed class Recorder(List<CollectionProgress> reports) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value) => reports.Add(value);
    }
}
