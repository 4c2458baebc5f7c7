using Reports.Analysis.Reviews;
using Reports.Calendar;
using Reports.Config;
using Reports.Model;

namespace Reports.Analysis.Team;

/// <summary>
/// The team week (docs/rules.md, "Team week"): a team snapshot and the week's student reports to the
/// review matrix, the merges and whether someone other than the author checked them, the review each
/// student received, and the attention list (<see cref="AttentionRules"/>).
/// </summary>
internal sealed class TeamWeekBuilder(IReadOnlyDictionary<string, Severity> reviewLevels, AttentionConfig attention)
{
    private readonly ReviewCommentParser _parser = new(reviewLevels);

    /// <param name="students">Each student's report of the week, in the team's order.</param>
    /// <param name="inProgress">The week was collected before it ended.</param>
    public TeamWeekModel Build(TeamSnapshot team, IReadOnlyList<ReportModel> students, bool inProgress)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(students);
        var zone = TimeZones.TryFind(team.Window.TimeZone)
            ?? throw new EvidenceException($"the team snapshot's window.timeZone: {TimeZones.UnknownMessage(team.Window.TimeZone)}");
        var (start, end) = (CourseCalendar.LocalMidnight(team.Window.Start, zone), CourseCalendar.LocalMidnight(team.Window.End.AddDays(1), zone));
        bool InWeek(DateTimeOffset? at) => at is { } t && t >= start && t < end;

        var graded = team.MergeRequests
            .SelectMany(mr => mr.Threads.Select(t => (Mr: mr.MergeRequest, t.Reviewer, t.Thread, Comment: _parser.Parse(t.Thread.Body))))
            .ToList();
        var inWeek = graded.Where(g => InWeek(g.Thread.CreatedAt)).ToList();

        var studentNames = team.Students.Select(s => s.Username).ToList();
        var authors = Order(team.Students, inWeek.Select(g => g.Mr.Author));
        var reviewers = Order(team.Students, inWeek.Select(g => g.Reviewer));
        var matrix = reviewers.Select(r => new ReviewMatrixRow(r, IsIn(studentNames, r.Username), [.. authors.Select(a =>
            Cell(a.Username, inWeek.Where(g => Same(g.Reviewer.Username, r.Username) && Same(g.Mr.Author.Username, a.Username))))])
        {
            ReportHref = IsIn(studentNames, r.Username) ? ReportHref(r.Username, team.Window) : null,
        }).ToList();

        var merges = team.MergeRequests.Where(mr => InWeek(mr.MergeRequest.MergedAt)).Select(mr =>
        {
            var author = mr.MergeRequest.Author.Username;
            var reviewedBy = mr.Threads.Where(t => !Same(t.Reviewer.Username, author) && t.Thread.CreatedAt <= mr.MergeRequest.MergedAt)
                .Select(t => t.Reviewer).DistinctBy(p => p.Username.ToUpperInvariant()).ToList();
            var approvedBy = (mr.ApprovedBy ?? []).Where(p => !Same(p.Username, author)).ToList();
            return new TeamMerge(mr.MergeRequest, reviewedBy, approvedBy, mr.ApprovedBy is not null);
        }).OrderBy(m => m.MergeRequest.MergedAt).ThenBy(m => m.MergeRequest.Project, StringComparer.Ordinal).ThenBy(m => m.MergeRequest.Iid).ToList();

        var weeks = team.Students.Select(student =>
        {
            var report = students.FirstOrDefault(r => Same(r.Student.Username, student.Username));
            var received = inWeek.Where(g => Same(g.Mr.Author.Username, student.Username)).ToList();
            return new TeamStudentWeek(student, ReportHref(student.Username, team.Window), report?.Metrics ?? new WeekMetrics())
            {
                Received = Cell(student.Username, received),
                ReceivedAddressed = received.Count(g => !g.Comment.IsPraise && g.Thread.Resolved && g.Thread.ResolvedAt is { } r && g.Mr.MergedAt is { } m && r <= m),
                NoActivity = report is null || !HasActivity(report),
                LinearConfigured = report?.LinearConfigured ?? true,
            };
        }).ToList();

        var course = string.IsNullOrWhiteSpace(team.Course) ? "" : team.Course + ": ";
        var model = new TeamWeekModel
        {
            Title = $"{course}Team {(string.IsNullOrWhiteSpace(team.Team) ? "week" : team.Team)} [{team.Window.Label}]",
            Course = team.Course,
            Team = team.Team,
            Window = new WindowView(team.Window),
            InProgress = inProgress,
            Students = weeks,
            Authors = authors,
            Matrix = matrix,
            Merges = merges,
        };
        return model with { Flags = AttentionRules.Flags(model, team, students, team.MergeRequests.Where(mr => InWeek(mr.MergeRequest.MergedAt)).ToList(), attention) };
    }

    /// <summary>Anything the student's report counts.</summary>
    public static bool HasActivity(ReportModel report)
    {
        var m = report.Metrics;
        return m.Reviewed + m.Replies + m.Merged + m.Commits + m.TicketsCreated + m.StatusUpdates + m.TicketsGroomed + report.Authored.Count > 0;
    }

    private ReviewMatrixCell Cell(string author, IEnumerable<(MergeRequestRef Mr, Person Reviewer, ReviewThread Thread, ParsedComment Comment)> threads)
    {
        var list = threads.ToList();
        int Level(Severity level) => list.Count(g => !g.Comment.IsPraise && g.Comment.Severity == level);
        return new ReviewMatrixCell(author)
        {
            Threads = list.Count,
            P0 = Level(Severity.P0),
            P1 = Level(Severity.P1),
            P2 = Level(Severity.P2),
            P3 = Level(Severity.P3),
            Ungraded = list.Count(g => !g.Comment.IsPraise && g.Comment.Severity is null),
            Praise = list.Count(g => g.Comment.IsPraise),
        };
    }

    // The team's students in its order, then anyone else (a tutor, another team's member) by username.
    private static IReadOnlyList<Person> Order(IReadOnlyList<Person> students, IEnumerable<Person> seen)
    {
        var others = seen.Where(p => !IsIn(students.Select(s => s.Username), p.Username))
            .DistinctBy(p => p.Username.ToUpperInvariant())
            .OrderBy(p => p.Username, StringComparer.OrdinalIgnoreCase);
        return [.. students, .. others];
    }

    private static string ReportHref(string username, ReportWindow window) => $"{Uri.EscapeDataString(username)}/{Uri.EscapeDataString(window.Slug)}/index.html";

    internal static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool IsIn(IEnumerable<string> names, string username) => names.Any(n => Same(n, username));
}
