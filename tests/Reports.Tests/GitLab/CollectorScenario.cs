using Reports.Config;
using Reports.Fakes;
using Reports.GitLab;
using Reports.Model;
using Reports.Sources;

namespace Reports.Tests.GitLab;

/// <summary>
/// A fake GitLab with a student, a teammate, a bot and one project, and the week of
/// 2025-03-24 to 2025-03-30 in Asia/Jakarta as the window.
/// </summary>
internal sealed class CollectorScenario : IAsyncDisposable
{
    public static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Start = new(2025, 3, 24, 0, 0, 0, Jakarta);
    public static readonly DateTimeOffset End = new(2025, 3, 31, 0, 0, 0, Jakarta);

    private CollectorScenario(FakeGitLab fake)
    {
        Fake = fake;
        Student = fake.AddUser("abhipraya", "Abhipraya");
        Teammate = fake.AddUser("alice", "Alice");
        Bot = fake.AddUser("sirabot", "SIRA Bot");
        Project = fake.AddProject("ppl/sira-backend");
    }

    public FakeGitLab Fake { get; }

    public FakeUser Student { get; }

    public FakeUser Teammate { get; }

    public FakeUser Bot { get; }

    public FakeProject Project { get; }

    public StudentConfig StudentConfig { get; } = new() { Username = "abhipraya", Emails = ["Abhipraya@Example.com", "abhi@users.noreply.gitlab.com"] };

    public static async Task<CollectorScenario> StartAsync() => new(await FakeGitLab.StartAsync());

    /// <summary>Local time in Jakarta during the window's week.</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Jakarta);

    /// <summary>A teammate's merge request created at the start of the week.</summary>
    public FakeMergeRequest TeammateMergeRequest(Action<FakeMergeRequest>? configure = null) =>
        Fake.AddMergeRequest(Project, Teammate, m =>
        {
            m.CreatedAt = At(24, 9);
            configure?.Invoke(m);
        });

    public FakeMergeRequest OwnMergeRequest(Action<FakeMergeRequest>? configure = null) =>
        Fake.AddMergeRequest(Project, Student, m =>
        {
            m.CreatedAt = At(24, 9);
            configure?.Invoke(m);
        });

    /// <summary>Fetches the week over HTTP with <see cref="GitLabSource"/> and applies the student's rules to it.</summary>
    public async Task<Snapshot> CollectAsync(
        IReadOnlyList<string>? projects = null,
        GitLabClientOptions? options = null,
        MergeRequestCache? cache = null,
        IProgress<CollectionProgress>? progress = null,
        CancellationToken ct = default)
    {
        var config = new GitLabConfig { Url = Fake.BaseUrl, Projects = projects ?? ["ppl/sira-backend"], Bots = ["sirabot"] };
        using var source = GitLabSource.FromConfig(config, cache, _ => Fake.Token, options ?? FastClient.Options);
        var fetched = await source.FetchAsync(new CollectionWindow(Start, End), progress, ct);
        var snapshot = new SnapshotBuilder("PPL", new Person(StudentConfig.Username), new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta"));
        fetched.ContributeTo(StudentConfig, snapshot);
        return snapshot.Build();
    }

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}
