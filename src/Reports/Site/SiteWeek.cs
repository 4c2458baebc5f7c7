using Reports.Rendering;

namespace Reports.Site;

/// <summary>
/// One week a run writes: whose it is (<see cref="Username"/>; its folder in team mode), where it
/// stands among that student's weeks (<see cref="Slug"/>, <see cref="Label"/>, <see cref="Start"/>:
/// enough to link its neighbours before any page is drawn), and how to draw it, once those neighbours
/// are known, in the forms the run's outputs ask for.
/// </summary>
internal sealed record SiteWeek(string Username, string Slug, string Label, DateOnly Start, Func<WeekNav, WeekDrawing, DrawnWeek> Draw);
