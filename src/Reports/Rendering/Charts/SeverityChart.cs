using Reports.Analysis;

namespace Reports.Rendering.Charts;

/// <summary>Findings per reviewed merge request, stacked P0 … P3 then ungraded.</summary>
public static class SeverityChart
{
    public const string Id = "severity";

    public const string Title = "Findings by severity per reviewed MR";

    public static Chart Create(IReadOnlyList<ReviewSummary> reviews)
    {
        if (reviews.Sum(r => r.FindingCount) == 0)
        {
            return new Chart(Id, Title, "No findings on teammates' merge requests in this window.", "");
        }

        List<ChartSeries> series =
        [
            new("P0 blocker", "bar-p0", "#cf222e"),
            new("P1 important", "bar-p1", "#bc4c00"),
            new("P2 improvement", "bar-p2", "#9a6700"),
            new("P3 nitpick", "bar-p3", "#1a7f37"),
        ];
        var withUngraded = reviews.Any(r => r.Ungraded > 0);
        if (withUngraded)
        {
            series.Add(new("ungraded", "bar-ungraded", "#59636e"));
        }

        var rows = reviews.Select(r => new ChartRow(Label(r, reviews),
            withUngraded ? [r.P0, r.P1, r.P2, r.P3, r.Ungraded] : [r.P0, r.P1, r.P2, r.P3])).ToList();
        var description = Describe(reviews);
        return new Chart(Id, Title, description, StackedBarChart.Render(Id, Title, description, series, rows));
    }

    /// <summary>"!109", or "sira-frontend!102" when two reviewed projects share the number.</summary>
    private static string Label(ReviewSummary review, IReadOnlyList<ReviewSummary> all)
    {
        var mr = review.MergeRequest;
        var shared = all.Count(r => r.MergeRequest.Iid == mr.Iid) > 1;
        return shared ? mr.Project[(mr.Project.LastIndexOf('/') + 1)..] + mr.Reference : mr.Reference;
    }

    private static string Describe(IReadOnlyList<ReviewSummary> reviews)
    {
        var total = reviews.Sum(r => r.FindingCount);
        var parts = reviews.Select(r =>
        {
            var levels = new[] { ("P0", r.P0), ("P1", r.P1), ("P2", r.P2), ("P3", r.P3), ("ungraded", r.Ungraded) }
                .Where(l => l.Item2 > 0)
                .Select(l => $"{l.Item1} {l.Item2}");
            var counts = r.FindingCount == 0 ? "no findings" : $"{ReportBuilder.Plural(r.FindingCount, "finding")} ({string.Join(", ", levels)})";
            return $"{Label(r, reviews)} {r.MergeRequest.Title.ReplaceLineEndings(" ")}: {counts}.";
        });
        return $"{ReportBuilder.Plural(total, "finding")} on {ReportBuilder.Plural(reviews.Count, "reviewed merge request")}. {string.Join(" ", parts)}";
    }
}
