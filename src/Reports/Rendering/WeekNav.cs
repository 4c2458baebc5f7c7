namespace Reports.Rendering;

/// <summary>
/// Where a report page links to, relative to it: its student's index, the team page in team mode,
/// and the weeks before and after it among those known when the page was written.
/// </summary>
internal sealed record WeekNav(string IndexHref, string? TeamHref, SiteLink? Previous, SiteLink? Next)
{
    /// <summary>A page written on its own: only the index beside it.</summary>
    public static readonly WeekNav Alone = new("../index.html", null, null, null);
}
