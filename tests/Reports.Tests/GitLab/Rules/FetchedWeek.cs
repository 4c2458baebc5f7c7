using Reports.Config;
using Reports.GitLab;
using Reports.Model;
using Reports.Sources;

namespace Reports.Tests.GitLab.Rules;

/// <summary>
/// What <see cref="GitLabSource"/> hands the rules, built in memory: merge requests of one project
/// with a student, a teammate and a bot, and the week of 2025-03-24 to 2025-03-30 in Asia/Jakarta.
/// No server: a rule test states data and reads the snapshot the rules make of it.
/// </summary>
internal sealed class FetchedWeek
{
    public static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Start = new(2025, 3, 24, 0, 0, 0, Jakarta);
    public static readonly DateTimeOffset End = new(2025, 3, 31, 0, 0, 0, Jakarta);

    public static readonly GitLabUser Student = new() { Id = 1, Username = "abhipraya", Name = "Abhipraya" };
    public static readonly GitLabUser Teammate = new() { Id = 2, Username = "alice", Name = "Alice" };
    public static readonly GitLabUser Bot = new() { Id = 3, Username = "sirabot", Name = "SIRA Bot" };

    public static readonly StudentConfig StudentConfig = new() { Username = "abhipraya", Emails = ["Abhipraya@Example.com", "abhi@users.noreply.gitlab.com"] };
    public static readonly StudentConfig TeammateConfig = new() { Username = "alice", Emails = ["alice@example.com"] };

    private readonly List<DraftMergeRequest> _mergeRequests = [];
    private long _nextId = 1000;

    public IReadOnlyList<string> Bots { get; set; } = ["sirabot"];

    /// <summary>Local time in Jakarta in March 2025.</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Jakarta);

    /// <summary>A teammate's merge request created at the start of the week.</summary>
    public DraftMergeRequest TeammateMergeRequest(Func<GitLabMergeRequest, GitLabMergeRequest>? change = null) => Add(Teammate, change);

    public DraftMergeRequest OwnMergeRequest(Func<GitLabMergeRequest, GitLabMergeRequest>? change = null) => Add(Student, change);

    public long NextId() => ++_nextId;

    public GitLabWindow Fetched() => new()
    {
        Instance = new Uri("https://gitlab.example.com/"),
        Window = new CollectionWindow(Start, End),
        Projects = ["ppl/sira-backend"],
        Bots = Bots,
        MergeRequests = [.. _mergeRequests.Select(m => m.ToFetched())],
    };

    /// <summary>The rules of <paramref name="student"/> (the student by default) applied to this week, as a snapshot.</summary>
    public Snapshot Apply(StudentConfig? student = null) => Apply(Fetched(), student ?? StudentConfig);

    public static Snapshot Apply(GitLabWindow fetched, StudentConfig student)
    {
        var snapshot = new SnapshotBuilder("PPL", new Person(student.Username, student.Name), new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta", 2, 1));
        fetched.ContributeTo(student, snapshot);
        return snapshot.Build();
    }

    private DraftMergeRequest Add(GitLabUser author, Func<GitLabMergeRequest, GitLabMergeRequest>? change)
    {
        var iid = _mergeRequests.Count + 1;
        var raw = new GitLabMergeRequest
        {
            Id = 500 + iid,
            Iid = iid,
            ProjectId = 7,
            Title = $"Merge request {iid}",
            State = "opened",
            Author = author,
            CreatedAt = At(24, 9),
            WebUrl = $"https://gitlab.example.com/ppl/sira-backend/-/merge_requests/{iid}",
            SourceBranch = $"feature/{iid}",
        };
        var draft = new DraftMergeRequest(this, change is null ? raw : change(raw));
        _mergeRequests.Add(draft);
        return draft;
    }
}
