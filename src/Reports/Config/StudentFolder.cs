using System.Text.RegularExpressions;

namespace Reports.Config;

/// <summary>
/// In team mode each student's weeks live in a folder named by their GitLab username, so a
/// username must be a safe path segment. The rule is GitLab's own (letters, digits, '_', '-' and
/// '.', not starting with '-' or '.', not ending with '.'), which every real username meets; a
/// name the site root itself uses is refused too. Usernames are never rewritten to fit.
/// </summary>
internal static partial class StudentFolder
{
    /// <summary>Names the site writes at the top of a team site (its page and its feed); no student folder may take one.</summary>
    public static readonly IReadOnlyList<string> Reserved = ["index.html", "feed.xml"];

    /// <summary>Why <paramref name="username"/> cannot name a folder, or null when it can.</summary>
    public static string? Problem(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (!SafeSegment().IsMatch(username))
        {
            return $"'{username}' is not a GitLab username (letters, digits, '_', '-' and '.'; not starting with '-' or '.', not ending with '.'), so it cannot name the student's folder";
        }

        return Reserved.Contains(username, StringComparer.OrdinalIgnoreCase)
            ? $"'{username}' is a name the team site uses for itself, so it cannot name the student's folder"
            : null;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,253}[A-Za-z0-9_\-])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeSegment();
}
