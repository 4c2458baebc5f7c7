namespace Reports.Site;

/// <summary>A student as a team site's <c>team.json</c> lists them: username (their folder), name and tutor.</summary>
internal sealed record TeamMember(string Username, string? Name = null, string? Tutor = null);
