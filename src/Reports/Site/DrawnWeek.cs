using Reports.Rendering;
using Reports.Site.Hugo;

namespace Reports.Site;

/// <summary>One week analysed once and drawn in the forms the run's outputs asked for (<see cref="WeekDrawing"/>).</summary>
/// <param name="Entry">Its index entry: title, window and the counts the indexes and the grade book state.</param>
internal sealed record DrawnWeek(SiteEntry Entry)
{
    /// <summary>The HTML page and <c>report.md</c>, with the notes' images; null unless <see cref="WeekDrawing.Page"/> was asked.</summary>
    public RenderedReport? Page { get; init; }

    /// <summary>The Hugo page; null unless <see cref="WeekDrawing.Hugo"/> was asked.</summary>
    public HugoPage? Hugo { get; init; }
}
