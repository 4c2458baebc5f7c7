using Reports.Config;
using Reports.Fakes;
using Reports.Linear;
using Reports.Model;
using Reports.Sources;

namespace Reports.Tests.Linear;

/// <summary>
/// A fake Linear with team SIRA, the student and a teammate, and the week of 2025-03-24 to
/// 2025-03-30 in Asia/Jakarta as the window; collects it with <see cref="LinearSource"/> over HTTP.
/// </summary>
internal sealed class LinearScenario : IAsyncDisposable
{
    public static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Start = new(2025, 3, 24, 0, 0, 0, Jakarta);
    public static readonly DateTimeOffset End = new(2025, 3, 31, 0, 0, 0, Jakarta);

    private LinearScenario(FakeLinear fake)
    {
        Fake = fake;
        Student = fake.AddUser("Abhipraya", "abhipraya@example.com");
        Teammate = fake.AddUser("Froklax", "froklax@example.com");
        Team = fake.AddTeam("SIRA", "Sira");
    }

    public FakeLinear Fake { get; }

    public FakeLinearUser Student { get; }

    public FakeLinearUser Teammate { get; }

    public FakeLinearTeam Team { get; }

    public StudentConfig StudentConfig { get; } = new() { Username = "abhipraya", LinearEmail = "Abhipraya@Example.com" };

    public StudentConfig TeammateConfig { get; } = new() { Username = "froklax", LinearEmail = "froklax@example.com" };

    public static async Task<LinearScenario> StartAsync() => new(await FakeLinear.StartAsync());

    /// <summary>Local time in Jakarta during the window's week.</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Jakarta);

    public LinearSource Source(LinearConfig? config = null, IssueHistoryCache? cache = null, IReadOnlyList<StudentConfig>? students = null) =>
        new(FastLinear.For(Fake), config ?? new LinearConfig { Url = Fake.Url, Teams = ["SIRA"] }, students ?? [StudentConfig], cache);

    /// <summary>Fetches the week and applies the student's rules to it.</summary>
    public async Task<Snapshot> CollectAsync(LinearConfig? config = null, IssueHistoryCache? cache = null, IProgress<CollectionProgress>? progress = null)
    {
        using var source = Source(config, cache);
        var fetched = await source.FetchAsync(new CollectionWindow(Start, End), progress);
        var snapshot = Rules.LinearWeek.NewBuilder(StudentConfig);
        fetched.ContributeTo(StudentConfig, snapshot);
        return snapshot.Build();
    }

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}
