using Reports.Config;
using Reports.Model;
using Reports.Sources;

namespace Reports.Linear;

/// <summary>
/// The issues that can matter to a window, each with its whole history, fetched once for everyone;
/// each student's tickets are picked from them by <see cref="LinearRules"/>, in memory. Completing
/// the window adds the tickets that the students' merge requests name (<see cref="CompleteAsync"/>).
/// </summary>
internal sealed record LinearWindow : ICompletingWindow
{
    /// <summary>The GraphQL endpoint, without credentials.</summary>
    public required Uri Instance { get; init; }

    public required CollectionWindow Window { get; init; }

    /// <summary>The configured team keys as Linear spells them; empty when every team the key can see was read.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>The keys of every team read: the identifiers merge requests are searched for.</summary>
    public IReadOnlyList<string> TeamKeys { get; init; } = [];

    /// <summary>The students' Linear accounts, by <c>linear_email</c> (compared ignoring case).</summary>
    public IReadOnlyDictionary<string, LinearUser> Users { get; init; } = new Dictionary<string, LinearUser>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Created before the window ended and changed since it started, each with its whole history.</summary>
    public IReadOnlyList<FetchedIssue> Issues { get; init; } = [];

    /// <summary>Reads issues by identifier (<c>SIRA-125</c>) for <see cref="CompleteAsync"/>; none are read when null.</summary>
    public Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<LinearIssue>>>? LookUp { get; init; }

    IReadOnlyList<string> IFetchedWindow.Covered => Teams;

    public void ContributeTo(StudentConfig student, SnapshotBuilder snapshot)
    {
        ArgumentNullException.ThrowIfNull(student);
        if (student.LinearEmail is { } email && Users.TryGetValue(email, out var user))
        {
            new LinearRules(user, Window).Apply(Issues, snapshot);
        }
    }

    /// <summary>
    /// Adds to each student's snapshot the tickets its merge requests name or that Linear attached to
    /// them, other than the student's own: taken from the candidates when listed there, the rest read
    /// by identifier in one batch for all students together.
    /// </summary>
    public async Task CompleteAsync(IReadOnlyList<(StudentConfig Student, SnapshotBuilder Snapshot)> students, IProgress<CollectionProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(students);
        var listed = Issues.Select(i => i.Issue).ToList();
        var wanted = students.Select(s => Referenced(MergeRequestsOf(s.Snapshot), s.Snapshot.Tickets.Select(t => t.Identifier), listed)).ToList();
        var known = new Dictionary<string, LinearIssue>(StringComparer.OrdinalIgnoreCase);
        foreach (var issue in listed)
        {
            // Two issues answering to one identifier is a broken answer, not a crash: the first is kept.
            known.TryAdd(issue.Identifier, issue);
        }

        var missing = wanted.SelectMany(w => w).Where(id => !known.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 && LookUp is not null)
        {
            progress?.Report(new CollectionProgress(SourceNames.Linear, "Linear tickets named by merge requests", 0, missing.Count));
            foreach (var issue in await LookUp(missing, ct))
            {
                known.TryAdd(issue.Identifier, issue);
            }

            progress?.Report(new CollectionProgress(SourceNames.Linear, "Linear tickets named by merge requests", missing.Count, missing.Count));
        }

        for (var i = 0; i < students.Count; i++)
        {
            foreach (var identifier in wanted[i])
            {
                if (known.TryGetValue(identifier, out var issue))
                {
                    students[i].Snapshot.ReferencedTickets.Add(ToReferenced(issue));
                }
            }
        }
    }

    /// <summary>
    /// docs/rules.md "Ticket ↔ merge request link": identifiers of <see cref="TeamKeys"/> in the
    /// merge requests' source branch, title or description, and the listed issues Linear attached to
    /// them, less the student's <paramref name="own"/> tickets.
    /// </summary>
    internal IReadOnlyList<string> Referenced(IReadOnlyList<MergeRequestRef> mergeRequests, IEnumerable<string> own, IReadOnlyList<LinearIssue> listed)
    {
        var owned = new HashSet<string>(own, StringComparer.OrdinalIgnoreCase);
        var named = TicketMentions.Find(mergeRequests.SelectMany(TicketMentions.Texts), TeamKeys);
        var attached = listed
            .Where(issue => LinearRules.MergeRequestUrls(issue).Any(url => mergeRequests.Any(mr => TicketMentions.SameUrl(url, mr.WebUrl))))
            .Select(issue => issue.Identifier);
        return [.. named.Concat(attached).Distinct(StringComparer.OrdinalIgnoreCase).Where(id => !owned.Contains(id))];
    }

    /// <summary>Every merge request the snapshot cites.</summary>
    private static IReadOnlyList<MergeRequestRef> MergeRequestsOf(SnapshotBuilder snapshot) =>
        [.. snapshot.Reviews.Select(r => r.MergeRequest)
            .Concat(snapshot.Merges)
            .Concat(snapshot.Contributions.Select(c => c.MergeRequest))
            .Concat(snapshot.AuthoredMergeRequests)
            .Concat(snapshot.Automation.Select(a => a.MergeRequest))
            .DistinctBy(mr => mr.WebUrl, StringComparer.OrdinalIgnoreCase)];

    private static ReferencedTicket ToReferenced(LinearIssue issue) => new()
    {
        Identifier = issue.Identifier,
        Title = issue.Title ?? "",
        Url = issue.Url ?? "",
        State = issue.State?.Name ?? "",
        AttachmentUrls = LinearRules.MergeRequestUrls(issue),
    };
}
