using System.Globalization;
using Reports.Model;
using Reports.Sources;

namespace Reports.Linear;

/// <summary>
/// docs/rules.md for Linear, for one student (the Linear account of their <c>linear_email</c>):
/// pure functions of fetched issues, so one fetch serves every student and every rule is testable
/// without a server.
/// </summary>
internal sealed class LinearRules(LinearUser student, CollectionWindow window)
{
    /// <summary>The tickets the student created, moved or groomed in the window.</summary>
    public void Apply(IEnumerable<FetchedIssue> issues, SnapshotBuilder snapshot)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var issue in issues)
        {
            if (Ticket(issue) is { } ticket)
            {
                snapshot.Tickets.Add(ticket);
            }
        }
    }

    /// <summary>The issue as the student's ticket, or null when the student neither created, moved nor groomed it in the window.</summary>
    public Ticket? Ticket(FetchedIssue fetched)
    {
        var issue = fetched.Issue;
        var created = IsCreated(issue);
        var own = fetched.History.Where(e => IsStudents(e) && window.Contains(e.CreatedAt) && !IsCreation(e)).ToList();
        var moves = own.Where(IsStatusUpdate)
            .Select(e => new StatusChange(e.CreatedAt!.Value, e.FromState!.Name ?? "", e.ToState!.Name ?? ""))
            .ToList();
        var grooming = own.SelectMany(e => Grooming(e, issue)).ToList();
        if (!created && moves.Count == 0 && grooming.Count == 0)
        {
            return null;
        }

        return new Ticket
        {
            Identifier = issue.Identifier,
            Title = issue.Title ?? "",
            Url = issue.Url ?? "",
            State = issue.State?.Name ?? "",
            CreatedAt = issue.CreatedAt ?? DateTimeOffset.MinValue,
            CreatedInWindow = created,
            Parent = issue.Parent is { Identifier: { } parent } p ? new TicketRef(parent, p.Title ?? "", p.Url ?? "") : null,

            // Scenarios are read from the description of the tickets the student planned; others need none.
            Description = created ? issue.Description : null,
            StatusChanges = moves,
            Grooming = grooming,
            AttachmentUrls = MergeRequestUrls(issue),
        };
    }

    /// <summary>Created by the student in the window; an issue an integration created has no creator.</summary>
    public bool IsCreated(LinearIssue issue) => issue.Creator?.Id == student.Id && window.Contains(issue.CreatedAt);

    /// <summary>
    /// Made by the student: the actor is their account and no integration acted (an entry with a
    /// <c>botActor</c>, such as the GitLab integration moving an issue on merge, is the integration's).
    /// </summary>
    public bool IsStudents(LinearHistoryEntry entry) => entry.Actor?.Id == student.Id && entry.BotActor is null;

    /// <summary>The entry that records the issue's creation: it sets a state without leaving one.</summary>
    public static bool IsCreation(LinearHistoryEntry entry) => entry.FromState is null && entry.ToState is not null;

    /// <summary>A move between two workflow states.</summary>
    public static bool IsStatusUpdate(LinearHistoryEntry entry) => entry.FromState is not null && entry.ToState is not null;

    /// <summary>Every planning field the entry changed: estimate, priority, title, description, labels, parent, cycle.</summary>
    public static IEnumerable<GroomingChange> Grooming(LinearHistoryEntry entry, LinearIssue issue)
    {
        var at = entry.CreatedAt ?? DateTimeOffset.MinValue;
        if (entry.FromEstimate != entry.ToEstimate)
        {
            yield return new GroomingChange(at, "estimate", Number(entry.FromEstimate), Number(entry.ToEstimate));
        }

        if (entry.FromPriority != entry.ToPriority)
        {
            yield return new GroomingChange(at, "priority", Priority(entry.FromPriority), Priority(entry.ToPriority));
        }

        if (entry.FromTitle != entry.ToTitle)
        {
            yield return new GroomingChange(at, "title", entry.FromTitle, entry.ToTitle);
        }

        if (entry.UpdatedDescription == true)
        {
            yield return new GroomingChange(at, "description");
        }

        if (entry.AddedLabelIds is { Count: > 0 } || entry.RemovedLabelIds is { Count: > 0 })
        {
            yield return new GroomingChange(at, "labels", LabelNames(entry.RemovedLabelIds, issue), LabelNames(entry.AddedLabelIds, issue));
        }

        if (entry.FromParent?.Id != entry.ToParent?.Id)
        {
            yield return new GroomingChange(at, "parent", entry.FromParent?.Identifier, entry.ToParent?.Identifier);
        }

        if (entry.FromCycle?.Id != entry.ToCycle?.Id)
        {
            yield return new GroomingChange(at, "cycle", Cycle(entry.FromCycle), Cycle(entry.ToCycle));
        }
    }

    /// <summary>Links Linear attached that point at GitLab merge requests.</summary>
    public static IReadOnlyList<string> MergeRequestUrls(LinearIssue issue) =>
        [.. issue.Attachments
            .Select(a => a.Url)
            .OfType<string>()
            .Where(url => url.Contains("/merge_requests/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];

    private static string? Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Linear's priority numbers by the names its UI shows.</summary>
    private static string? Priority(double? value) => value switch
    {
        null => null,
        0 => "No priority",
        1 => "Urgent",
        2 => "High",
        3 => "Medium",
        4 => "Low",
        var other => Number(other),
    };

    /// <summary>History holds label ids only; names are known for the labels the issue still carries.</summary>
    private static string? LabelNames(IReadOnlyList<string>? ids, LinearIssue issue)
    {
        var names = (ids ?? []).Select(id => issue.Labels.FirstOrDefault(l => l.Id == id)?.Name).OfType<string>().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? Cycle(LinearCycle? cycle) =>
        cycle is null ? null : cycle.Name ?? (cycle.Number is { } n ? string.Create(CultureInfo.InvariantCulture, $"Cycle {n}") : null);
}
