namespace Reports.Site;

/// <summary>A tutor's view of the course index: the tutor as the roster writes them, and the page, relative to the course's root.</summary>
internal sealed record TutorView(string Name, string Href);
