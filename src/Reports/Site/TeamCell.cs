namespace Reports.Site;

/// <summary>A student's week on the team page: the week's entry and the link to its report, or nothing that week.</summary>
internal sealed record TeamCell(SiteEntry Week, SiteEntry? Entry, string? Href);
