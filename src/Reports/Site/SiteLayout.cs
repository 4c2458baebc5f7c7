using Reports.Model;
using Reports.Config;

namespace Reports.Site;

/// <summary>
/// Where a run's weeks go. One student: <c>{slug}/</c> and the student's index at the top. A team:
/// <c>{username}/{slug}/</c>, each student's index at <c>{username}/index.html</c> and the team page
/// at the top, listing the students in the order given.
/// </summary>
internal sealed class SiteLayout
{
    private readonly Dictionary<string, Person> _byUsername;

    private SiteLayout(IReadOnlyList<Person> students, bool isTeam)
    {
        Students = students;
        IsTeam = isTeam;
        _byUsername = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var student in students)
        {
            if (!_byUsername.TryAdd(student.Username, student))
            {
                throw new EvidenceException($"the team lists '{student.Username}' twice; usernames are compared ignoring case");
            }
        }
    }

    public static SiteLayout Single { get; } = new([], isTeam: false);

    public bool IsTeam { get; }

    /// <summary>The team's students, in the order the team page lists them; empty for one student.</summary>
    public IReadOnlyList<Person> Students { get; }

    public static SiteLayout Team(IReadOnlyList<Person> students)
    {
        ArgumentNullException.ThrowIfNull(students);
        foreach (var student in students)
        {
            if (StudentFolder.Problem(student.Username) is { } problem)
            {
                throw new EvidenceException($"team member {problem}");
            }
        }

        return new SiteLayout(students, isTeam: true);
    }

    /// <summary>The folder of a student's weeks relative to the output folder: "" for one student, else <c>"{username}/"</c> as the team spells it.</summary>
    public string FolderOf(string username) => IsTeam ? Member(username).Username + "/" : "";

    /// <summary>The team member of this username (ignoring case), as the team lists them.</summary>
    public Person Member(string username) =>
        _byUsername.TryGetValue(username, out var student)
            ? student
            : throw new EvidenceException(IsTeam
                ? $"the report of '{username}' has no place in this team's site: the team's students are {string.Join(", ", Students.Select(s => s.Username))}; add them to students: or use the config of their team"
                : "a one-student site has no team members");
}
