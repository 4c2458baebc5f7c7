using Reports.Rendering;

namespace Reports.Site;

/// <summary>
/// One week a run writes: whose it is (<see cref="Username"/>; its folder in team mode), its
/// entry for the indexes, and how to draw its page once its neighbours are known.
/// </summary>
public sealed record SiteWeek(string Username, SiteEntry Entry, Func<WeekNav, RenderedReport> Render);
