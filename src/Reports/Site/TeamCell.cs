namespace Reports.Site;

/// <summary>A student's week on the team page: the week's entry and the link to its report, or nothing that week.</summary>
internal sealed record TeamCell(SiteEntry Week, SiteEntry? Entry, string? Href)
{
    /// <summary>A completed week in which the student did nothing the report counts: the page says "no activity".</summary>
    public bool NoActivity => Entry is { InProgress: not true, Counts: { IsEmpty: true } };
}
