using Reports.Rendering;

namespace Reports.Site;

/// <summary>
/// One week a run writes: whose it is (<see cref="Username"/>; its folder in team mode), where it
/// stands among that student's weeks (<see cref="Slug"/>, <see cref="Label"/>, <see cref="Start"/>:
/// enough to link its neighbours before any page is drawn), and how to draw its page and its index
/// entry once those neighbours are known.
/// </summary>
internal sealed record SiteWeek(string Username, string Slug, string Label, DateOnly Start, Func<WeekNav, (RenderedReport Report, SiteEntry Entry)> Render);
