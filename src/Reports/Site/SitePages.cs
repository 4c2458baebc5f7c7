using System.Text.RegularExpressions;
using Reports.Model;
using Reports.Rendering;
using Reports.Rendering.Charts;

namespace Reports.Site;

/// <summary>
/// The pages that list weeks: a student's index (<c>index.html.sbn</c>: newest first, each week's
/// headline numbers, a trend chart) and the team page (<c>team.html.sbn</c>: students × weeks).
/// </summary>
internal sealed partial class SitePages(TemplateEngine templates)
{
    private const string DefaultTitle = "Evidence reports";

    /// <param name="weeks">The student's weeks, oldest first.</param>
    /// <param name="student">The team member, or null for a one-student site (the name then comes from the newest week).</param>
    public string StudentIndex(IReadOnlyList<SiteEntry> weeks, Person? student, string? teamHref)
    {
        var trend = TrendChart.Create([.. weeks.Where(w => w.Counts is not null).Select(w => Trend(w, w.Counts!))]);
        return templates.RenderPage("index.html.sbn", new
        {
            Title = weeks.Count > 0 ? IndexTitle(weeks[^1].Title) : DefaultTitle,
            Student = student?.DisplayName ?? (weeks.Count > 0 ? weeks[^1].Student : null),
            Username = student?.Username,
            TeamHref = teamHref,
            Reports = weeks.Reverse().ToList(),
            Trend = trend.IsEmpty ? null : trend.Svg,
            Feed = Feeds.AtomFeeds.FileName,
            Collected = SiteEntry.NewestCollected(weeks),
        });
    }

    /// <summary>The team page's file names: in the team's order, and sorted by each student's total.</summary>
    public const string ByTotalFile = "by-total.html";

    /// <param name="students">Each student with their weeks, oldest first, in the team's order.</param>
    /// <param name="name">The team's name in a course, which titles the page.</param>
    /// <param name="teamWeeks">The team weeks, oldest first: their links head the columns, and the newest completed one's flags head the page.</param>
    /// <param name="byTotal">The view sorted by total activity, most first (<see cref="ByTotalFile"/>), rather than in the team's order.</param>
    public string TeamPage(IReadOnlyList<(Person Student, IReadOnlyList<SiteEntry> Weeks)> students, string? name = null, IReadOnlyList<TeamWeekEntry>? teamWeeks = null, bool byTotal = false)
    {
        // A column per window any student has, newest first, so this week is in view on any screen; the newest entry of a slug names the column.
        var columns = students.SelectMany(s => s.Weeks)
            .GroupBy(w => w.Slug, StringComparer.Ordinal)
            .Select(g => g.OrderBy(w => w.Start).Last())
            .OrderByDescending(w => w.Start)
            .ThenByDescending(w => w.Slug, StringComparer.Ordinal)
            .ToList();
        var rows = students.Select(s =>
        {
            var folder = Uri.EscapeDataString(s.Student.Username);
            var cells = columns.Select(c => s.Weeks.FirstOrDefault(w => w.Slug == c.Slug) is { } entry
                ? new TeamCell(c, entry, $"{folder}/{Uri.EscapeDataString(entry.Slug)}/index.html")
                : new TeamCell(c, null, null)).ToList();
            return new TeamRow(s.Student, $"{folder}/index.html", cells);
        }).ToList();
        if (byTotal)
        {
            rows = [.. rows.OrderByDescending(r => r.Totals.Total).ThenBy(r => r.Student.Username, StringComparer.OrdinalIgnoreCase)];
        }

        var weeks = teamWeeks ?? [];
        var newest = students.SelectMany(s => s.Weeks).OrderBy(w => w.Start).ThenBy(w => w.Slug, StringComparer.Ordinal).LastOrDefault();
        return templates.RenderPage("team.html.sbn", new
        {
            Title = name ?? (newest is null ? DefaultTitle : IndexTitle(newest.Title)),
            Weeks = columns,
            TeamWeeks = columns.Select(c => weeks.FirstOrDefault(t => t.Slug == c.Slug)?.Href).ToList(),
            Attention = TeamWeeks.NewestCompleted(weeks),
            Rows = rows,
            ByTotal = byTotal,
            Feed = Feeds.AtomFeeds.FileName,
            Collected = SiteEntry.NewestCollected(students.SelectMany(s => s.Weeks)),
        });
    }

    private static TrendWeek Trend(SiteEntry week, WeekCounts counts) =>
        new(ShortLabel(week), week.Label, counts.Findings, counts.Merges, counts.Commits, counts.Tickets);

    // "sprint-2-week-1" → "S2 W1"; a window of plain dates by its first day.
    private static string ShortLabel(SiteEntry week) =>
        SprintSlug().Match(week.Slug) is { Success: true } m ? $"S{m.Groups[1].Value} W{m.Groups[2].Value}" : week.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // "PPL: Communication and Knowledge Sharing [Sprint 2, Week 1]" → "PPL: Communication and Knowledge Sharing"
    internal static string IndexTitle(string reportTitle)
    {
        var bracket = reportTitle.LastIndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 ? reportTitle[..bracket] : reportTitle;
    }

    [GeneratedRegex(@"\Asprint-(\d+)-week-(\d+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex SprintSlug();
}
