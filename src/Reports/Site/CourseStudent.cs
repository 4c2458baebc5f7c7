namespace Reports.Site;

/// <summary>A student of a team on the course index: their folder's name, their name, their index and their newest week.</summary>
internal sealed record CourseStudent(string Username, string Name, string Href, SiteEntry Latest, string LatestHref);
