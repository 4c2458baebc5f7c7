using System.Text.Json.Serialization;

namespace Reports.Model;

/// <summary>
/// The local dates a report covers, <see cref="Start"/> to <see cref="End"/> inclusive, in
/// <see cref="TimeZone"/> (IANA). <see cref="Sprint"/> and <see cref="Week"/> are set when the
/// window was chosen as a sprint week.
/// </summary>
internal sealed record ReportWindow(DateOnly Start, DateOnly End, string TimeZone, int? Sprint = null, int? Week = null)
{
    /// <summary>"Sprint 2, Week 1", or "2025-03-24 to 2025-03-30" for a window of plain dates.</summary>
    [JsonIgnore]
    public string Label => Sprint is { } s && Week is { } w
        ? $"Sprint {s}, Week {w}"
        : $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}";

    /// <summary>File-name stem of this window's report and notes: <c>sprint-2-week-1</c> or <c>2025-03-24_2025-03-30</c>.</summary>
    [JsonIgnore]
    public string Slug => Sprint is { } s && Week is { } w
        ? $"sprint-{s}-week-{w}"
        : $"{Start:yyyy-MM-dd}_{End:yyyy-MM-dd}";
}
