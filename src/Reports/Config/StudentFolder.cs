using System.Text.RegularExpressions;

namespace Reports.Config;

/// <summary>
/// In team mode each student's weeks live in a folder named by their GitLab username, and in a course
/// each team's site in a folder named by the team, so both must be safe path segments. The rule is
/// GitLab's own (letters, digits, '_', '-' and '.', not starting with '-' or '.', not ending with '.'),
/// which every real username meets; a name the site itself uses beside those folders is refused too.
/// Names are never rewritten to fit.
/// </summary>
internal static partial class StudentFolder
{
    /// <summary>
    /// Names the site writes beside student and team folders (a team site's page, feed, views, grade book
    /// and team file; a course's tutor views), compared ignoring case; no student or team folder may take one.
    /// </summary>
    public static readonly IReadOnlyList<string> Reserved = ["index.html", "feed.xml", "by-total.html", "team.json", "gradebook.csv", "gradebook.json", "tutor", "team-weeks.json", "team.snapshot"];

    /// <summary>Why <paramref name="username"/> cannot name a folder, or null when it can.</summary>
    public static string? Problem(string username) => Problem(username, "GitLab username", "student's");

    /// <summary>Why <paramref name="team"/> (a roster's team name) cannot name the team's folder of the course site, or null when it can.</summary>
    public static string? TeamProblem(string team) => Problem(team, "plain team name", "team's");

    private static string? Problem(string name, string what, string whose)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!SafeSegment().IsMatch(name))
        {
            return $"'{name}' is not a {what} (letters, digits, '_', '-' and '.'; not starting with '-' or '.', not ending with '.'), so it cannot name the {whose} folder";
        }

        // A team site's own weeks (the team digest) sit beside its students' folders, as sprint-S-week-W/ or 2025-03-24_2025-03-30/.
        return Reserved.Contains(name, StringComparer.OrdinalIgnoreCase) || WeekSlug().IsMatch(name)
            ? $"'{name}' is a name the site uses for itself, so it cannot name the {whose} folder"
            : null;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,253}[A-Za-z0-9_\-])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeSegment();

    [GeneratedRegex(@"\A(?:sprint-\d+-week-\d+|\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2})\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WeekSlug();
}
