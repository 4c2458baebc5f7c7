using System.Text.RegularExpressions;
using Reports.Analysis.Reviews;
using Reports.Calendar;
using Reports.Config;
using Reports.Model;
using Reports.Notes;

namespace Reports.Analysis;

/// <summary>Interprets a snapshot: grades review threads, links tickets to merge requests, counts, and places the notes.</summary>
internal sealed partial class ReportBuilder(ReviewConfig review)
{
    private readonly ReviewCommentParser _parser = new(review.Levels);
    private readonly ReportOptions _options = ReportOptions.From(review);

    public ReportBuilder(IReadOnlyDictionary<string, Severity> reviewLevels)
        : this(new ReviewConfig { Levels = reviewLevels })
    {
    }

    /// <summary>What in the notes is likely a mistake: <see cref="NarrativeNotes.Warnings"/>, and notes on merge requests the week does not have.</summary>
    public static IReadOnlyList<Model.ReportWarning> Warnings(Snapshot snapshot, NarrativeNotes notes) =>
        [.. notes.Warnings.Concat(NotesPlacement.Warnings(notes, snapshot)).OrderBy(w => w.Line)];

    public ReportModel Build(Snapshot snapshot, NarrativeNotes notes)
    {
        var reviews = snapshot.Reviews.Select(Summarize).ToList();
        var tickets = SummarizeTickets(snapshot);
        var title = $"Communication and Knowledge Sharing [{snapshot.Window.Label}]";
        var collection = CollectionTime.Of(snapshot);
        return new ReportModel
        {
            Title = string.IsNullOrWhiteSpace(snapshot.Course) ? title : $"{snapshot.Course}: {title}",
            Course = snapshot.Course,
            Student = snapshot.Student,
            Window = new WindowView(snapshot.Window),
            CollectedAt = collection.CollectedAt,
            Collected = collection.Text,
            InProgress = collection.InProgress,
            Warnings = [.. snapshot.Warnings ?? [], .. notes.Missing is { } missing ? [missing] : Array.Empty<ReportWarning>()],
            Reviews = reviews,
            Merges = snapshot.Merges,
            Contributions = snapshot.Contributions,
            Authored = snapshot.AuthoredMergeRequests,
            Tickets = tickets,
            LinearConfigured = snapshot.Sources?.Any(s => s.Name == SourceNames.Linear) ?? true,
            Sources = snapshot.Sources ?? [],
            MergeRequestTickets = TicketsByMergeRequest(snapshot),
            Automation = [.. snapshot.Automation.Select(AutomationEntry.From)],
            Metrics = Measure(snapshot, reviews, tickets),
            Activity = DailyActivity(snapshot, reviews),
            Evidence = CollectEvidence(snapshot, reviews, tickets),
            Notes = notes,
            Sections = NotesPlacement.Place(notes, snapshot),
            Options = _options,
        };
    }

    private ReviewSummary Summarize(ReviewedMergeRequest reviewed)
    {
        var mr = reviewed.MergeRequest;
        var findings = new List<Finding>();
        var positives = new List<Positive>();
        foreach (var thread in reviewed.Threads)
        {
            var parsed = _parser.Parse(thread.Body);
            if (parsed.IsPraise)
            {
                positives.Add(new Positive(parsed.Title, thread.Url));
                continue;
            }

            findings.Add(new Finding
            {
                Comment = parsed,
                Url = thread.Url,
                CreatedAt = thread.CreatedAt,
                Resolved = thread.Resolved,
                ResolvedAt = thread.ResolvedAt,
                AddressedBeforeMerge = thread.Resolved && thread.ResolvedAt is { } resolvedAt
                    && mr.MergedAt is { } mergedAt && resolvedAt <= mergedAt,
                FilePath = thread.FilePath,
                Line = thread.Line,
            });
        }

        positives.AddRange(reviewed.SummaryNotes.SelectMany(note =>
            PositiveCallouts.FromSummary(note.Body).Select(text => new Positive(text, note.Url))));

        // P0 … P3, then the ungraded ones; empty groups left out.
        List<SeverityGroup> groups = [.. Severities.All.Select(level => (Severity?)level).Append(null)
            .Select(level => new SeverityGroup(level, [.. findings.Where(f => f.Level == level)]))
            .Where(g => g.Count > 0)];
        var blockers = findings.Where(f => f.Level?.MustBeAddressed() == true).ToList();
        var inFull = review.InFull;
        return new ReviewSummary
        {
            MergeRequest = mr,
            HoursToFirstFinding = findings.Count == 0 ? null : Math.Round((findings.Min(f => f.CreatedAt) - mr.CreatedAt).TotalHours, 1),
            Findings = findings,
            Groups = groups,
            FullGroups = [.. groups.Where(g => g.Level is { } level && inFull.Contains(level))],
            BriefGroups = [.. groups.Where(g => g.Level is not { } level || !inFull.Contains(level))],
            IsCompact = findings.Count < review.CompactBelow,
            Positives = positives,
            Replies = reviewed.Replies,
            SummaryNotes = reviewed.SummaryNotes,
            SeverityLine = string.Join(" · ", groups.Select(g => $"{g.Key} ×{g.Count}")),
            Blockers = new BlockerStatus
            {
                Merged = mr.MergedAt is not null,
                Total = blockers.Count,
                Addressed = blockers.Count(f => f.AddressedBeforeMerge),
                Resolved = blockers.Count(f => f.Resolved),
                Unaddressed = [.. blockers.Where(f => !f.AddressedBeforeMerge)],
            },
        };
    }

    private static TicketSummary SummarizeTickets(Snapshot snapshot)
    {
        var mergeRequests = snapshot.Reviews.Select(r => r.MergeRequest)
            .Concat(snapshot.Merges)
            .Concat(snapshot.Contributions.Select(c => c.MergeRequest))
            .Concat(snapshot.AuthoredMergeRequests)
            .DistinctBy(m => m.WebUrl)
            .ToList();

        var views = snapshot.Tickets.Select(t => (Ticket: t, View: new TicketView
        {
            Identifier = t.Identifier,
            Title = t.Title,
            Url = t.Url,
            State = t.State,
            Parent = t.Parent,
            Scenarios = Scenarios(t.Description),
            StatusChanges = t.StatusChanges,
            Grooming = t.Grooming,
            MergeRequests = [.. mergeRequests.Where(mr => Links(t, mr))],
        })).ToList();

        return new TicketSummary
        {
            Created = [.. views.Where(v => v.Ticket.CreatedInWindow && v.Ticket.Parent is null).Select(v => v.View)],
            SubIssues = [.. views.Where(v => v.Ticket.CreatedInWindow && v.Ticket.Parent is not null).Select(v => v.View)],
            Moved = [.. views.Where(v => v.Ticket.StatusChanges.Count > 0).Select(v => v.View)],
            Groomed = [.. views.Where(v => v.Ticket.Grooming.Count > 0).Select(v => v.View)],
        };
    }

    /// <summary>The identifier in the branch, title or description, or a Linear attachment pointing at the MR.</summary>
    internal static bool Links(Ticket ticket, MergeRequestRef mr) => TicketMentions.Links(ticket.Identifier, ticket.AttachmentUrls, mr);

    /// <summary>Every cited merge request with the tickets linked to it, own and referenced alike, by identifier.</summary>
    private static Dictionary<string, IReadOnlyList<TicketLink>> TicketsByMergeRequest(Snapshot snapshot)
    {
        var tickets = snapshot.Tickets
            .Select(t => (t.Identifier, t.Title, t.Url, t.State, t.AttachmentUrls))
            .Concat((snapshot.ReferencedTickets ?? []).Select(t => (t.Identifier, t.Title, t.Url, t.State, t.AttachmentUrls)))
            .DistinctBy(t => t.Identifier, StringComparer.OrdinalIgnoreCase)
            .OrderBy(t => t.Identifier, TicketIdentifierComparer.Instance)
            .ToList();
        var byUrl = new Dictionary<string, IReadOnlyList<TicketLink>>(StringComparer.Ordinal);
        foreach (var mr in CitedMergeRequests(snapshot))
        {
            byUrl.TryAdd(mr.WebUrl, [.. tickets
                .Where(t => TicketMentions.Links(t.Identifier, t.AttachmentUrls, mr))
                .Select(t => new TicketLink
                {
                    Identifier = t.Identifier,
                    Title = t.Title,
                    Url = t.Url,
                    State = t.State,
                    InTitle = TicketMentions.Names(mr with { SourceBranch = null, Description = null }, t.Identifier),
                })]);
        }

        return byUrl;
    }

    private static IEnumerable<MergeRequestRef> CitedMergeRequests(Snapshot snapshot) =>
        snapshot.Reviews.Select(r => r.MergeRequest)
            .Concat(snapshot.Merges)
            .Concat(snapshot.Contributions.Select(c => c.MergeRequest))
            .Concat(snapshot.AuthoredMergeRequests)
            .Concat(snapshot.Automation.Select(a => a.MergeRequest));

    internal static IReadOnlyList<string> Scenarios(string? description) =>
        description is null
            ? []
            : [.. description.Replace("\r\n", "\n").Split('\n')
                .Select(line => ScenarioRegex().Match(line))
                .Where(m => m.Success)
                .Select(m => m.Groups["name"].Value.Trim())];

    private static WeekMetrics Measure(Snapshot snapshot, IReadOnlyList<ReviewSummary> reviews, TicketSummary tickets)
    {
        var findings = reviews.SelectMany(r => r.Findings).ToList();
        var mergedBlockers = reviews.Where(r => r.Blockers.Merged).ToList();
        var firstFindingHours = reviews
            .Where(r => r.HoursToFirstFinding is not null)
            .Select(r => r.HoursToFirstFinding!.Value)
            .Order()
            .ToList();
        return new WeekMetrics
        {
            Graded = findings.Select(f => f.Level).OfType<Severity>().CountBy(level => level).ToDictionary(),
            Ungraded = findings.Count(f => f.Level is null),
            Positives = reviews.Sum(r => r.Positives.Count),
            BlockersOnMerged = mergedBlockers.Sum(r => r.Blockers.Total),
            BlockersAddressed = mergedBlockers.Sum(r => r.Blockers.Addressed),
            Replies = reviews.Sum(r => r.Replies.Count),
            Reviewed = reviews.Count,
            Merged = snapshot.Merges.Count,
            ContributedTo = snapshot.Contributions.Count,
            Commits = snapshot.Contributions.Sum(c => c.Commits.Count),
            TicketsCreated = tickets.Created.Count,
            SubIssuesCreated = tickets.SubIssues.Count,
            StatusUpdates = tickets.StatusUpdateCount,
            TicketsGroomed = tickets.Groomed.Count,
            MedianHoursToFirstFinding = Median(firstFindingHours),
        };
    }

    /// <summary>Counts per local date of the window, in the window's time zone, so a 23:30 merge lands on its own evening.</summary>
    internal static IReadOnlyList<DayActivity> DailyActivity(Snapshot snapshot, IReadOnlyList<ReviewSummary> reviews)
    {
        var window = snapshot.Window;
        var zone = TimeZones.TryFind(window.TimeZone)
            ?? throw new EvidenceException($"the snapshot's window.timeZone: {TimeZones.UnknownMessage(window.TimeZone)}");

        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

        Dictionary<DateOnly, int> CountBy(IEnumerable<DateTimeOffset> instants) =>
            instants.Select(Local).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());

        var findings = CountBy(reviews.SelectMany(r => r.Findings).Select(f => f.CreatedAt));
        var merges = CountBy(snapshot.Merges.Where(m => m.MergedAt is not null).Select(m => m.MergedAt!.Value));
        var commits = CountBy(snapshot.Contributions.SelectMany(c => c.Commits).Select(c => c.AuthoredAt));
        var tickets = CountBy(snapshot.Tickets.SelectMany(t => t.StatusChanges.Select(s => s.At)
            .Concat(t.Grooming.Select(g => g.At))
            .Concat(t.CreatedInWindow ? [t.CreatedAt] : [])));

        var days = new List<DayActivity>();
        for (var date = window.Start; date <= window.End; date = date.AddDays(1))
        {
            days.Add(new DayActivity
            {
                Date = date,
                Findings = findings.GetValueOrDefault(date),
                Merges = merges.GetValueOrDefault(date),
                Commits = commits.GetValueOrDefault(date),
                TicketChanges = tickets.GetValueOrDefault(date),
            });
        }

        return days;
    }

    private static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => Math.Round(sorted[n / 2], 1),
        var n => Math.Round((sorted[(n / 2) - 1] + sorted[n / 2]) / 2, 1),
    };

    private static IReadOnlyList<EvidenceGroup> CollectEvidence(Snapshot snapshot, IReadOnlyList<ReviewSummary> reviews, TicketSummary tickets)
    {
        var groups = new List<EvidenceGroup>
        {
            new("MR reviews (as discussion threads)", [.. reviews.Select(r => new EvidenceLink(
                $"MR {r.MergeRequest.Reference} review: {Wording.Plural(r.FindingCount, "issue")} on {r.MergeRequest.Title}",
                r.Findings.Count > 0 ? r.Findings[0].Url : r.MergeRequest.WebUrl))]),
            new("Merged merge requests", [.. snapshot.Merges.Select(m => new EvidenceLink($"MR {m.Reference}: {m.Title}", m.WebUrl))]),
            new("Commits on teammates' merge requests", [.. snapshot.Contributions.SelectMany(c => c.Commits.Select(commit =>
                new EvidenceLink($"{commit.ShortSha} on MR {c.MergeRequest.Reference}: {commit.Title}", commit.Url)))]),
            new("Linear tickets", [.. tickets.Created.Concat(tickets.SubIssues).Concat(tickets.Moved).Concat(tickets.Groomed)
                .DistinctBy(t => t.Identifier)
                .OrderBy(t => t.Identifier, TicketIdentifierComparer.Instance)
                .Select(t => new EvidenceLink($"{t.Identifier}: {t.Title}", t.Url))]),
        };
        return [.. groups.Where(g => g.Links.Count > 0)];
    }

    [GeneratedRegex(@"^\s*(?<name>Scenario(?: Outline)?:.*)$")]
    private static partial Regex ScenarioRegex();
}
