using Reports.Rendering;

namespace Reports.Site;

/// <summary>A team week of this run: its entry, and its page, drawn when the site writes it with links to its neighbours.</summary>
internal sealed record TeamWeekPage(TeamWeekEntry Entry, Func<WeekNav, RenderedReport> Render);
