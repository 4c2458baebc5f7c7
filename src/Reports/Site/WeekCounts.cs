using System.Text.Json.Serialization;
using Reports.Analysis;
using Reports.Model;

namespace Reports.Site;

/// <summary>
/// A week's headline numbers, kept in <c>meta.json</c> so that an index written by a later run
/// still shows them. <see cref="Tickets"/> is null when Linear was not configured for the week.
/// </summary>
public sealed record WeekCounts(int P0, int P1, int P2, int P3, int Ungraded, int Merges, int Commits, int? Tickets)
{
    [JsonIgnore]
    public int Findings => P0 + P1 + P2 + P3 + Ungraded;

    public static WeekCounts Of(ReportModel model, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        var m = model.Metrics;
        return new WeekCounts(m.P0, m.P1, m.P2, m.P3, m.Ungraded, m.Merged, m.Commits, model.LinearConfigured ? snapshot.Tickets.Count : null);
    }
}
