using System.Globalization;
using System.Text.Json.Serialization;

namespace Reports.Site;

/// <summary>
/// A week's headline numbers, kept in <c>weeks.json</c> so that an index written by a later run
/// still shows them. <see cref="Tickets"/> is null when Linear was not configured for the week.
/// The members after <see cref="Tickets"/> were added for the grade book: null in entries written
/// before them, and the ticket figures null too when Linear was not configured.
/// </summary>
/// <param name="Tickets">Distinct tickets the student created, moved or groomed.</param>
/// <param name="ReviewedMrs">Teammates' merge requests the student reviewed.</param>
/// <param name="TicketsCreated">Tickets created that are not sub-issues, as the report's overview and section 4 count them.</param>
/// <param name="TicketsMoved">Status updates: each move of a ticket between states.</param>
/// <param name="Subissues">Sub-issues created.</param>
/// <param name="Scenarios">Scenarios planned in those sub-issues.</param>
internal sealed record WeekCounts(
    int P0, int P1, int P2, int P3, int Ungraded, int Merges, int Commits, int? Tickets,
    int? ReviewedMrs = null, int? TicketsCreated = null, int? TicketsMoved = null, int? Subissues = null, int? Scenarios = null)
{
    /// <summary>Whether the student did anything the week's report counts: a finding, merge, commit, review or ticket.</summary>
    [JsonIgnore]
    public bool IsEmpty => Findings == 0 && Merges == 0 && Commits == 0 && (Tickets ?? 0) == 0 && (ReviewedMrs ?? 0) == 0;

    /// <summary>The week's activity as one number, for sorting: findings, merges, commits and tickets, each counted once.</summary>
    [JsonIgnore]
    public int Total => Findings + Merges + Commits + (Tickets ?? 0);

    [JsonIgnore]
    public int Findings => P0 + P1 + P2 + P3 + Ungraded;

    /// <summary>The numbers of several weeks added up, each kind on its own; tickets null when no week collected them.</summary>
    public static WeekCounts Sum(IEnumerable<WeekCounts?> weeks)
    {
        var w = weeks.OfType<WeekCounts>().ToList();
        return new(
            w.Sum(c => c.P0), w.Sum(c => c.P1), w.Sum(c => c.P2), w.Sum(c => c.P3), w.Sum(c => c.Ungraded), w.Sum(c => c.Merges), w.Sum(c => c.Commits),
            w.Any(c => c.Tickets is not null) ? w.Sum(c => c.Tickets ?? 0) : null, w.Sum(c => c.ReviewedMrs ?? 0));
    }

    /// <summary>"24 findings (P0 8, P1 7, P2 3, P3 6) · 6 merges · 1 commit · 16 tickets": the index's line, as plain text.</summary>
    public string Describe()
    {
        var levels = new[] { ("P0", P0), ("P1", P1), ("P2", P2), ("P3", P3), ("ungraded", Ungraded) }
            .Where(l => l.Item2 > 0)
            .Select(l => $"{l.Item1} {l.Item2.ToString(CultureInfo.InvariantCulture)}");
        var findings = Findings > 0 ? $"{Wording.Plural(Findings, "finding")} ({string.Join(", ", levels)})" : Wording.Plural(0, "finding");
        var tickets = Tickets is { } t ? Wording.Plural(t, "ticket") + " touched" : "tickets not collected";
        return $"{findings} · {Wording.Plural(Merges, "merge")} · {Wording.Plural(Commits, "commit")} · {tickets}";
    }
}
