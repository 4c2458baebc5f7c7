using System.Globalization;
using Reports.Analysis;

namespace Reports.Rendering.Charts;

/// <summary>
/// What the student did on each local date of the window: findings, merges, commits and ticket changes,
/// each kind in a panel of its own with its own scale (small multiples), never added into one bar.
/// </summary>
internal static class ActivityChart
{
    public const string Id = "activity";

    public const string Title = "Activity per day";

    public static Chart Create(IReadOnlyList<DayActivity> days, string timeZone)
    {
        if (days.All(d => d.Total == 0))
        {
            return new Chart(Id, Title, "No findings, merges, commits or ticket changes on any day of this window.", "");
        }

        ChartSeries[] series =
        [
            new("findings", "bar-findings", "#0969da"),
            new("merges", "bar-merges", "#8250df"),
            new("commits", "bar-commits", "#1b7c83"),
            new("ticket changes", "bar-tickets", "#9a6700"),
        ];
        var rows = days.Select(d => new ChartRow(d.Label, [d.Findings, d.Merges, d.Commits, d.TicketChanges])).ToList();
        var title = $"{Title} ({timeZone})";
        var description = Describe(days, timeZone);
        return new Chart(Id, title, description, SmallMultiplesChart.Render(Id, title, description, series, rows));
    }

    private static string Describe(IReadOnlyList<DayActivity> days, string timeZone)
    {
        var c = CultureInfo.InvariantCulture;
        var first = days[0].Date;
        var last = days[^1].Date;
        var totals = Counts(days.Sum(d => d.Findings), days.Sum(d => d.Merges), days.Sum(d => d.Commits), days.Sum(d => d.TicketChanges));
        var busy = days.Where(d => d.Total > 0)
            .Select(d => $"{d.Label}: {Counts(d.Findings, d.Merges, d.Commits, d.TicketChanges)}.");
        var quiet = days.Where(d => d.Total == 0).Select(d => d.Label).ToList();
        var text = $"Activity per day from {first.ToString("ddd d MMM", c)} to {last.ToString("ddd d MMM yyyy", c)} in {timeZone}, one panel per kind, each with its own scale: {totals}. {string.Join(" ", busy)}";
        return quiet.Count == 0 ? text : $"{text} Nothing on {string.Join(", ", quiet)}.";
    }

    private static string Counts(int findings, int merges, int commits, int tickets)
    {
        var parts = new[]
        {
            (findings, "finding"), (merges, "merge"), (commits, "commit"), (tickets, "ticket change"),
        }.Where(p => p.Item1 > 0).Select(p => Wording.Plural(p.Item1, p.Item2)).ToList();
        return parts.Count switch
        {
            0 => "nothing",
            1 => parts[0],
            _ => $"{string.Join(", ", parts[..^1])} and {parts[^1]}",
        };
    }
}
