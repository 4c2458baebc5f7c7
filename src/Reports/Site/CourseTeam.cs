namespace Reports.Site;

/// <summary>
/// One team site of a course: its folder's name (untrusted text: a CI matrix value), the link to
/// its team page, its students and the newest week any of them has.
/// </summary>
internal sealed record CourseTeam(string Name, string Href, IReadOnlyList<CourseStudent> Students, SiteEntry Latest);
