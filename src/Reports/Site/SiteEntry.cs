namespace Reports.Site;

/// <summary>One week on the site index, kept as <c>{slug}/meta.json</c> beside the report.</summary>
public sealed record SiteEntry(string Slug, string Title, string Label, DateOnly Start, DateOnly End, string? Student = null);
