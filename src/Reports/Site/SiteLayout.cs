using Reports.Model;
using Reports.Config;

namespace Reports.Site;

/// <summary>
/// Where a run's weeks go. One student: <c>{slug}/</c> and the student's index at the top. A team:
/// <c>{username}/{slug}/</c>, each student's index at <c>{username}/index.html</c> and the team page
/// at the top, listing the students in the order given. A team of a course: the same under the
/// team's folder, <see cref="Root"/> (<c>{team}/</c>), with the course pages at the top.
/// </summary>
internal sealed class SiteLayout
{
    private readonly Dictionary<string, Person> _byUsername;

    private SiteLayout(IReadOnlyList<Person> students, bool isTeam, string? name = null, IReadOnlyDictionary<string, string>? tutors = null)
    {
        Students = students;
        IsTeam = isTeam;
        Name = name;
        Root = name is null ? "" : name + "/";
        Tutors = tutors ?? new Dictionary<string, string>();
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

    /// <summary>The team's name in a course (its folder); null for a site of one team or one student.</summary>
    public string? Name { get; }

    /// <summary>The team's folder relative to the output folder: "" or, in a course, <c>"{team}/"</c>.</summary>
    public string Root { get; }

    /// <summary>Each student's tutor by username, as the roster names them; empty without a roster.</summary>
    public IReadOnlyDictionary<string, string> Tutors { get; }

    /// <param name="name">The team's name in a course: its site goes into that folder of the output, beside the course pages.</param>
    /// <param name="tutors">Each student's tutor by username.</param>
    public static SiteLayout Team(IReadOnlyList<Person> students, string? name = null, IReadOnlyDictionary<string, string>? tutors = null)
    {
        ArgumentNullException.ThrowIfNull(students);
        if (name is not null && StudentFolder.TeamProblem(name) is { } teamProblem)
        {
            throw new EvidenceException($"team {teamProblem}");
        }

        foreach (var student in students)
        {
            if (StudentFolder.Problem(student.Username) is { } problem)
            {
                throw new EvidenceException($"team member {problem}");
            }
        }

        return new SiteLayout(students, isTeam: true, name, tutors is null ? null : new Dictionary<string, string>(tutors, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The folder of a student's weeks relative to the output folder: "" for one student, else <c>"{username}/"</c> as the team spells it (under <see cref="Root"/>).</summary>
    public string FolderOf(string username) => IsTeam ? Root + Member(username).Username + "/" : "";

    /// <summary>The tutor of a student, or null.</summary>
    public string? TutorOf(string username) => Tutors.GetValueOrDefault(username);

    /// <summary>The team member of this username (ignoring case), as the team lists them.</summary>
    public Person Member(string username) =>
        _byUsername.TryGetValue(username, out var student)
            ? student
            : throw new EvidenceException(IsTeam
                ? $"the report of '{username}' has no place in this team's site: the team's students are {string.Join(", ", Students.Select(s => s.Username))}; add them to students: or use the config of their team"
                : "a one-student site has no team members");
}
