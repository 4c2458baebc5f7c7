using System.Globalization;
using Reports.Config;
using Reports.Model;

namespace Reports.GitLab;

/// <summary>
/// What a fetched window says about one student's report that would otherwise be silently wrong:
/// a window in which no merge request moved (sprint dates a year off), a student with no commit
/// email, emails that none of the student's own commits carry.
/// </summary>
internal static class GitLabWarnings
{
    /// <param name="window">The report's window: its dates and time zone are the ones warnings state.</param>
    public static IEnumerable<ReportWarning> For(StudentConfig student, GitLabWindow fetched, GitLabRules rules, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(fetched);
        ArgumentNullException.ThrowIfNull(rules);
        if (fetched.Quiet is { Count: > 0 } quiet)
        {
            yield return Quiet(window, quiet);
        }

        if (student.Emails.Count == 0)
        {
            yield return new ReportWarning(
                $"no commit email is configured for @{student.Username} (emails: []), so no commit can be matched to them and section 3 (commits on teammates' merge requests) stays empty; add the emails they commit with (git config user.email)");
        }
        else if (UnmatchedOwnCommits(fetched, rules) is { } own)
        {
            yield return new ReportWarning(
                $"none of the commits on @{student.Username}'s own merge request !{own.Reference.Iid} ({own.Reference.Project}) in this window is authored by one of their configured emails, so their commits on teammates' merge requests are likely missed too; add the author email those commits carry to emails");
        }
    }

    /// <summary>No merge request of any project moved in the window: name where the projects' newest activity is.</summary>
    private static ReportWarning Quiet(ReportWindow window, IReadOnlyList<ProjectActivity> projects)
    {
        var zone = TimeZones.TryFind(window.TimeZone) ?? TimeZoneInfo.Utc;
        var (start, end) = (Day(window.Start), Day(window.End));
        var names = string.Join(" or ", projects.Select(p => p.Project));
        var newest = projects.Where(p => p.Newest is not null).MaxBy(p => p.Newest);
        var where = newest is null
            ? projects.Count == 1 ? "it has no merge request at all" : "they have no merge request at all"
            : $"the newest merge request activity is on {Local(newest.Newest!.Value, zone)}{(projects.Count == 1 ? "" : $" in {newest.Project}")}";
        return new ReportWarning(
            $"no merge request of {names} had any activity from {start} to {end}; {where}; if the report should have some, check the sprint dates in calendar.sprints (the year too)");
    }

    /// <summary>The student's own merge request with commits in the window, none of them under a configured email; null when there is none.</summary>
    private static FetchedMergeRequest? UnmatchedOwnCommits(GitLabWindow fetched, GitLabRules rules)
    {
        var own = fetched.MergeRequests
            .Where(mr => rules.IsStudent(mr.Raw.Author))
            .Select(mr => (mr, Commits: mr.Commits.Where(c => fetched.Window.Contains(c.AuthoredDate)).ToList()))
            .Where(x => x.Commits.Count > 0)
            .ToList();
        if (own.Count == 0 || own.Any(x => x.Commits.Any(rules.IsStudentCommit)))
        {
            return null;
        }

        return own.OrderBy(x => x.mr.Reference.Project, StringComparer.Ordinal).ThenBy(x => x.mr.Reference.Iid).First().mr;
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
