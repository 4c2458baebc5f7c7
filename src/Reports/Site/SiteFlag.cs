namespace Reports.Site;

/// <summary>
/// An attention flag as the site keeps it (<c>team-weeks.json</c>): its kind, the student it names, its
/// sentence (untrusted names in it; pages escape it) and its evidence, an http(s) link or a path relative
/// to the team's root.
/// </summary>
internal sealed record SiteFlag(string Kind, string? Username, string Text, string Href)
{
    /// <summary>True when <see cref="Href"/> leads to GitLab rather than into the site.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool External => Href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || Href.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
