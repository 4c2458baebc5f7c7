namespace Reports.Site;

/// <summary>The forms a week can be drawn in; each output asks for those it writes, and a run draws only what its outputs ask.</summary>
[Flags]
internal enum WeekDrawing
{
    /// <summary>Only the week's index entry (its counts), which every week has.</summary>
    None = 0,

    /// <summary>The HTML page and <c>report.md</c> (<see cref="DrawnWeek.Page"/>).</summary>
    Page = 1,

    /// <summary>The Hugo page bundle's Markdown and charts (<see cref="DrawnWeek.Hugo"/>).</summary>
    Hugo = 2,
}
