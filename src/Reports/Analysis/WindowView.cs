using System.Globalization;
using Reports.Model;

namespace Reports.Analysis;

/// <summary>The report window as the text states it.</summary>
internal sealed record WindowView(ReportWindow Window)
{
    public string Label => Window.Label;

    public string Slug => Window.Slug;

    public DateOnly Start => Window.Start;

    public DateOnly End => Window.End;

    public string TimeZone => Window.TimeZone;

    public int? Sprint => Window.Sprint;

    public int? Week => Window.Week;

    /// <summary>"Mar 24 to 30, 2025", "Mar 28 to Apr 3, 2025" or "Dec 29, 2025 to Jan 4, 2026": always with the year, so a sprint dated a year off shows.</summary>
    public string RangeText
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            if (Start.Year != End.Year)
            {
                return $"{Start.ToString("MMM d, yyyy", c)} to {End.ToString("MMM d, yyyy", c)}";
            }

            return Start.Month == End.Month
                ? $"{Start.ToString("MMM d", c)} to {End.ToString("d, yyyy", c)}"
                : $"{Start.ToString("MMM d", c)} to {End.ToString("MMM d, yyyy", c)}";
        }
    }
}
