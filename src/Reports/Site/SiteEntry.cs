namespace Reports.Site;

/// <summary>
/// One week on the site, kept as <c>{slug}/meta.json</c> beside the report so that later runs can
/// list it. <see cref="Username"/> and <see cref="Counts"/> were added later: a meta.json without
/// them still lists, without numbers.
/// </summary>
public sealed record SiteEntry(
    string Slug,
    string Title,
    string Label,
    DateOnly Start,
    DateOnly End,
    string? Student = null,
    string? Username = null,
    WeekCounts? Counts = null);
