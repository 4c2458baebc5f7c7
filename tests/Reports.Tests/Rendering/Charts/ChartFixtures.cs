using System.Xml.Linq;
using Reports.Analysis;
using Reports.Model;

namespace Reports.Tests.Rendering.Charts;

/// <summary>Small inputs for the chart tests and a way to read the SVG back as XML.</summary>
internal static class ChartFixtures
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>A reviewed merge request with one finding per severity given ("P0" … "P3", or null for ungraded).</summary>
    public static ReviewSummary Review(int iid, string title, params string?[] severities) => Review("ppl/sira-backend", iid, title, severities);

    public static ReviewSummary Review(string project, int iid, string title, params string?[] severities)
    {
        var created = new DateTimeOffset(2025, 3, 24, 9, 0, 0, TimeSpan.FromHours(7));
        var mr = new MergeRequestRef
        {
            Project = project,
            Iid = iid,
            Title = title,
            Author = new Person("dafandikri"),
            WebUrl = $"https://gitlab.example.ac.id/{project}/-/merge_requests/{iid}",
            CreatedAt = created,
        };
        return new ReviewSummary
        {
            MergeRequest = mr,
            Findings = [.. severities.Select((s, i) => new Finding
            {
                Severity = s,
                Title = $"finding {i}",
                Url = $"{mr.WebUrl}#note_{i}",
                CreatedAt = created.AddHours(i),
            })],
            SeverityLine = "",
            Blockers = new BlockerStatus { Merged = false, Total = 0, Addressed = 0 },
        };
    }

    public static string?[] Levels(int p0, int p1, int p2, int p3, int ungraded = 0) =>
        [.. Enumerable.Repeat<string?>("P0", p0), .. Enumerable.Repeat<string?>("P1", p1), .. Enumerable.Repeat<string?>("P2", p2),
            .. Enumerable.Repeat<string?>("P3", p3), .. Enumerable.Repeat<string?>(null, ungraded)];

    public static IReadOnlyList<DayActivity> Week(params (int Findings, int Merges, int Commits, int Tickets)[] days) =>
        [.. days.Select((d, i) => new DayActivity
        {
            Date = new DateOnly(2025, 3, 24).AddDays(i),
            Findings = d.Findings,
            Merges = d.Merges,
            Commits = d.Commits,
            TicketChanges = d.Tickets,
        })];

    public static XElement Parse(string svg) => XElement.Parse(svg);

    /// <summary>The bar segments of a class, in document order.</summary>
    public static IReadOnlyList<XElement> Bars(XElement svg, string cssClass) =>
        [.. svg.Descendants(Svg + "rect").Where(r => ((string?)r.Attribute("class"))?.Split(' ') is { } c && c.Contains("bar") && c.Contains(cssClass))];

    public static double Width(XElement rect) => double.Parse((string)rect.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
}
