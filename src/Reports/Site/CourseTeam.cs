namespace Reports.Site;

/// <summary>
/// One team site of a course: its folder's name (untrusted text: a CI matrix value), the link to
/// its team page, its students and the newest week any of them has.
/// </summary>
internal sealed record CourseTeam(string Name, string Href, IReadOnlyList<CourseStudent> Students, SiteEntry Latest)
{
    /// <summary>The team's folder relative to the course's root, <c>"{team}/"</c>.</summary>
    public string Folder => Href[..^"index.html".Length];

    /// <summary>The tutors of the team's students, in the order first named.</summary>
    public IReadOnlyList<string> Tutors => [.. Students.Select(s => s.Tutor).OfType<string>().Where(t => t.Trim().Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>The team weeks of the team's folder, oldest first, with their attention lists.</summary>
    public IReadOnlyList<TeamWeekEntry> TeamWeeks { get; init; } = [];

    /// <summary>The newest team week that had ended when collected: the one whose flags the course pages show.</summary>
    public TeamWeekEntry? Attention => Site.TeamWeeks.NewestCompleted(TeamWeeks);

    /// <summary>How many flags of the team week <paramref name="slug"/> name <paramref name="username"/>.</summary>
    public int FlagsOf(string username, string slug) =>
        TeamWeeks.FirstOrDefault(w => w.Slug == slug)?.Flags.Count(f => string.Equals(f.Username, username, StringComparison.OrdinalIgnoreCase)) ?? 0;
}
