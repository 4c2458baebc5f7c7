using Reports.Analysis;
using Reports.Analysis.Reviews;
using Reports.Model;

namespace Reports.Rendering.Charts;

/// <summary>Findings per reviewed merge request, stacked P0 … P3 then ungraded.</summary>
internal static class SeverityChart
{
    public const string Id = "severity";

    public const string Title = "Findings by severity per reviewed MR";

    public static Chart Create(IReadOnlyList<ReviewSummary> reviews)
    {
        if (reviews.Sum(r => r.FindingCount) == 0)
        {
            return new Chart(Id, Title, "No findings on teammates' merge requests in this window.", "");
        }

        List<ChartSeries> series = [.. Severities.All.Select(level =>
            new ChartSeries($"{level} {level.Name()}", $"bar-{level.ToString().ToLowerInvariant()}", Colour(level)))];
        var withUngraded = reviews.Any(r => r.Ungraded > 0);
        if (withUngraded)
        {
            series.Add(new("ungraded", "bar-ungraded", "#59636e"));
        }

        IReadOnlyList<int> Counts(ReviewSummary r) =>
            withUngraded ? [.. Severities.All.Select(r.CountOf), r.Ungraded] : [.. Severities.All.Select(r.CountOf)];

        var rows = reviews.Select(r => new ChartRow(Label(r, reviews), Counts(r))).ToList();
        var description = Describe(reviews);
        return new Chart(Id, Title, description, StackedBarChart.Render(Id, Title, description, series, rows));
    }

    private static string Colour(Severity level) => level switch
    {
        Severity.P0 => "#cf222e",
        Severity.P1 => "#bc4c00",
        Severity.P2 => "#9a6700",
        Severity.P3 => "#1a7f37",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

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
            var levels = Severities.All.Select(level => (Name: level.ToString(), Count: r.CountOf(level)))
                .Append((Name: "ungraded", Count: r.Ungraded))
                .Where(l => l.Count > 0)
                .Select(l => $"{l.Name} {l.Count}");
            var counts = r.FindingCount == 0 ? "no findings" : $"{Wording.Plural(r.FindingCount, "finding")} ({string.Join(", ", levels)})";
            return $"{Label(r, reviews)} {r.MergeRequest.Title.ReplaceLineEndings(" ")}: {counts}.";
        });
        return $"{Wording.Plural(total, "finding")} on {Wording.Plural(reviews.Count, "reviewed merge request")}. {string.Join(" ", parts)}";
    }
}
