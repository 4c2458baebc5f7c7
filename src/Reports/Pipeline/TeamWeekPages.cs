using Reports.Analysis;
using Reports.Analysis.Team;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site;
using Reports.Site.Feeds;

namespace Reports.Pipeline;

/// <summary>
/// The second report kind, the team week, for the site: each team snapshot with the same week's student
/// snapshots to its model (<see cref="TeamWeekBuilder"/>), its entry with the attention list, and its page,
/// drawn when the site writes it.
/// </summary>
internal sealed class TeamWeekPages(TemplateEngine templates, ReviewConfig review, AttentionConfig attention)
{
    private readonly ReportBuilder _reports = new(review);
    private readonly TeamWeekBuilder _builder = new(review.Levels, attention);
    private readonly TeamWeekRenderer _renderer = new(templates);

    /// <summary>A page per team snapshot, oldest first; each week's student snapshots are those of its window.</summary>
    public IReadOnlyList<TeamWeekPage> Pages(IReadOnlyList<TeamSnapshot> teamWeeks, IEnumerable<Snapshot> students)
    {
        ArgumentNullException.ThrowIfNull(teamWeeks);
        var bySlug = students.GroupBy(s => s.Window.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. teamWeeks.OrderBy(t => t.Window.Start).Select(team => Page(team, bySlug.GetValueOrDefault(team.Window.Slug) ?? []))];
    }

    /// <summary>The model of one team week (what the template sees).</summary>
    public TeamWeekModel Analyze(TeamSnapshot team, IReadOnlyList<Snapshot> students) =>
        _builder.Build(team, [.. students.Select(s => _reports.Build(s, NarrativeNotes.Empty))], students.Any(s => Calendar.CollectionTime.Of(s).InProgress));

    private TeamWeekPage Page(TeamSnapshot team, IReadOnlyList<Snapshot> students)
    {
        var model = Analyze(team, students);
        var flags = model.Flags.Select(f => new SiteFlag(f.Kind, f.Username, f.Text, f.Href)).ToList();
        var entry = new TeamWeekEntry(team.Window.Slug, model.Title, team.Window.Label, team.Window.Start, team.Window.End, model.InProgress, flags);
        return new TeamWeekPage(entry, nav => _renderer.Render(model, nav));
    }
}
