namespace Reports.Site;

/// <summary>
/// A student of a team on the course pages: their folder's name, their name and tutor, their index,
/// every week listed for them (oldest first) and the newest of those with its link.
/// </summary>
internal sealed record CourseStudent(string Username, string Name, string Href, SiteEntry Latest, string LatestHref)
{
    public string? Tutor { get; init; }

    /// <summary>Every week of the student's site, oldest first (the newest is <see cref="Latest"/>).</summary>
    public IReadOnlyList<SiteEntry> Weeks { get; init; } = [];

    /// <summary>The student's numbers over every week listed.</summary>
    public WeekCounts Totals => WeekCounts.Sum(Weeks.Select(w => w.Counts));

    /// <summary>The newest few weeks, newest first, each with its link relative to the course's root.</summary>
    public IReadOnlyList<TeamCell> Recent => [.. Weeks.Reverse().Take(RecentWeeks).Select(w => new TeamCell(w, w, WeekHref(w)))];

    /// <summary>Weeks shown at a glance on the course index.</summary>
    public const int RecentWeeks = 3;

    /// <summary>The link to one of the student's weeks, relative to the course's root.</summary>
    public string WeekHref(SiteEntry week) => $"{Href[..^"index.html".Length]}{Uri.EscapeDataString(week.Slug)}/index.html";
}
