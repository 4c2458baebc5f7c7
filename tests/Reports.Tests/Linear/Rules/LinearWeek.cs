using Reports.Config;
using Reports.Linear;
using Reports.Model;
using Reports.Sources;

namespace Reports.Tests.Linear.Rules;

/// <summary>
/// What <see cref="LinearSource"/> hands the rules, built in memory: issues of team SIRA with their
/// histories, a student, a teammate and the GitLab integration, and the week of 2025-03-24 to
/// 2025-03-30 in Asia/Jakarta. No server: a rule test states data and reads the snapshot it makes.
/// </summary>
internal sealed class LinearWeek
{
    public static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Start = new(2025, 3, 24, 0, 0, 0, Jakarta);
    public static readonly DateTimeOffset End = new(2025, 3, 31, 0, 0, 0, Jakarta);

    public static readonly LinearUser Student = new() { Id = "user-student", Name = "Abhipraya", Email = "abhipraya@example.com" };
    public static readonly LinearUser Teammate = new() { Id = "user-mate", Name = "Froklax", Email = "froklax@example.com" };
    public static readonly LinearBot GitLabIntegration = new() { Id = "bot-gitlab", Name = "GitLab", Type = "integration" };

    public static readonly LinearState Backlog = new() { Name = "Backlog", Type = "backlog" };
    public static readonly LinearState Todo = new() { Name = "Todo", Type = "unstarted" };
    public static readonly LinearState InProgress = new() { Name = "In Progress", Type = "started" };
    public static readonly LinearState InReview = new() { Name = "In Review", Type = "started" };
    public static readonly LinearState Done = new() { Name = "Done", Type = "completed" };

    public static readonly StudentConfig StudentConfig = new() { Username = "abhipraya", LinearEmail = "Abhipraya@Example.com" };
    public static readonly StudentConfig TeammateConfig = new() { Username = "froklax", LinearEmail = "froklax@example.com" };

    private readonly List<DraftIssue> _issues = [];

    /// <summary>Local time in Jakarta in March 2025.</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Jakarta);

    /// <summary>Issue SIRA-{n} created by <paramref name="creator"/> (the student by default) at <paramref name="createdAt"/> (Monday 09:00 by default).</summary>
    public DraftIssue Issue(LinearUser? creator = null, DateTimeOffset? createdAt = null, Func<LinearIssue, LinearIssue>? change = null, bool noCreator = false)
    {
        var number = 100 + _issues.Count + 1;
        var issue = new LinearIssue
        {
            Id = $"issue-{number}",
            Identifier = $"SIRA-{number}",
            Number = number,
            Title = $"Issue {number}",
            Url = $"https://linear.app/sira/issue/SIRA-{number}",
            CreatedAt = createdAt ?? At(24, 9),
            UpdatedAt = At(30, 12),
            Creator = noCreator ? null : creator ?? Student,
            State = Todo,
            Team = new LinearTeam { Key = "SIRA" },
        };
        var draft = new DraftIssue(change is null ? issue : change(issue));
        _issues.Add(draft);
        return draft;
    }

    public LinearWindow Fetched() => new()
    {
        Instance = new Uri("https://api.linear.app/graphql"),
        Window = new CollectionWindow(Start, End),
        Teams = ["SIRA"],
        TeamKeys = ["SIRA"],
        Users = new Dictionary<string, LinearUser>(StringComparer.OrdinalIgnoreCase)
        {
            [StudentConfig.LinearEmail!] = Student,
            [TeammateConfig.LinearEmail!] = Teammate,
        },
        Issues = [.. _issues.Select(i => i.ToFetched())],
    };

    /// <summary>The rules of <paramref name="student"/> (the student by default) applied to this week, as a snapshot.</summary>
    public Snapshot Apply(StudentConfig? student = null) => Apply(Fetched(), student ?? StudentConfig);

    public static Snapshot Apply(LinearWindow fetched, StudentConfig student) => Builder(fetched, student).Build();

    public static SnapshotBuilder Builder(LinearWindow fetched, StudentConfig student)
    {
        var snapshot = NewBuilder(student);
        fetched.ContributeTo(student, snapshot);
        return snapshot;
    }

    public static SnapshotBuilder NewBuilder(StudentConfig student) =>
        new("PPL", new Person(student.Username, student.Name), new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta", 2, 1));
}
