using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Site.Feeds;

/// <summary>
/// Ids of feeds and entries when the site has no <c>base_url</c>: RFC 4151 <c>tag:</c> URIs, which
/// are absolute and never change with where the site is served from.
/// <c>tag:{instance},{date}:{course}/{username}/{slug}</c> for an entry, where <c>instance</c> is the
/// GitLab host the facts came from (<c>evidence.invalid</c> when unknown), <c>date</c> the window's
/// first day; <c>tag:{instance},{year}:{course}/{username}</c> for a student's feed and
/// <c>tag:{instance},{year}:{course}</c> for the team's (<c>{course}/team/{name}</c> for a team of a
/// course), <c>year</c> that of the oldest week listed.
/// Course, username and slug are percent-encoded (RFC 3986 unreserved characters stay).
/// </summary>
internal static partial class FeedIds
{
    /// <summary>The tagging authority when no GitLab host is known: a reserved name (RFC 2606) no one owns.</summary>
    public const string UnknownInstance = "evidence.invalid";

    private const string DefaultCourse = "evidence";

    public static string Entry(SiteEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Tag(entry.Instance, entry.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entry.Course, entry.Username, entry.Slug);
    }

    /// <param name="weeks">The weeks the feed lists; its authority and year come from the oldest.</param>
    /// <param name="username">The student of a student's feed; null for the team's.</param>
    /// <param name="team">The team of a course's team feed.</param>
    public static string Feed(IReadOnlyList<SiteEntry> weeks, string? username, string? team = null)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var oldest = weeks.OrderBy(w => w.Start).ThenBy(w => w.Slug, StringComparer.Ordinal).FirstOrDefault();
        var year = (oldest?.Start.Year ?? 2000).ToString("0000", CultureInfo.InvariantCulture);
        return team is null ? Tag(oldest?.Instance, year, oldest?.Course, username, null) : Tag(oldest?.Instance, year, oldest?.Course, "team", team);
    }

    private static string Tag(string? instance, string date, string? course, string? username, string? slug)
    {
        var authority = instance is not null && DnsName().IsMatch(instance) ? instance.ToLowerInvariant() : UnknownInstance;
        var specific = string.Join('/', new[] { string.IsNullOrWhiteSpace(course) ? DefaultCourse : course, username, slug }
            .Where(s => !string.IsNullOrEmpty(s))
            .Select(s => Uri.EscapeDataString(s!)));
        return $"tag:{authority},{date}:{specific}";
    }

    // RFC 4151's DNSname: labels of letters and digits, with inner hyphens, joined by dots.
    [GeneratedRegex(@"\A[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DnsName();
}
