using Reports.Analysis;

namespace Reports.Rendering.Charts;

/// <summary>
/// A student's weeks, oldest first: findings, merges, commits and tickets per week, each kind in a
/// panel of its own with its own scale (small multiples), never added into one bar.
/// </summary>
internal static class TrendChart
{
    public const string Id = "trend";

    public const string Title = "Activity per week";

    public static Chart Create(IReadOnlyList<TrendWeek> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        if (weeks.Count == 0)
        {
            return new Chart(Id, Title, "No week with recorded numbers yet.", "");
        }

        ChartSeries[] series =
        [
            new("findings", "bar-findings", "#0969da"),
            new("merges", "bar-merges", "#8250df"),
            new("commits", "bar-commits", "#1b7c83"),
            new("tickets", "bar-tickets", "#9a6700"),
        ];
        var rows = weeks.Select(w => new ChartRow(w.ShortLabel, [w.Findings, w.Merges, w.Commits, w.Tickets ?? 0])).ToList();
        var description = $"{Wording.Plural(weeks.Count, "week")}, oldest first, one panel per kind, each with its own scale. " + string.Join(" ", weeks.Select(Describe));
        return new Chart(Id, Title, description, SmallMultiplesChart.Render(Id, Title, description, series, rows));
    }

    private static string Describe(TrendWeek w)
    {
        var tickets = w.Tickets is { } t ? Wording.Plural(t, "ticket") + " touched" : "tickets not collected (Linear not configured)";
        return $"{w.Label}: {Wording.Plural(w.Findings, "finding")}, {Wording.Plural(w.Merges, "merge")}, {Wording.Plural(w.Commits, "commit")}, {tickets}.";
    }
}
