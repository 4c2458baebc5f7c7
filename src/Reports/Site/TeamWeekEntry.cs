namespace Reports.Site;

/// <summary>A team week the team's folder holds (<c>team-weeks.json</c>): where it is, when, and its attention list.</summary>
internal sealed record TeamWeekEntry(string Slug, string Title, string Label, DateOnly Start, DateOnly End, bool InProgress, IReadOnlyList<SiteFlag> Flags)
{
    /// <summary>The page, relative to the team's root.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Href => $"{Uri.EscapeDataString(Slug)}/index.html";
}
