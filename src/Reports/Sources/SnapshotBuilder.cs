using Reports.Model;

namespace Reports.Sources;

/// <summary>
/// One student's snapshot being assembled: each source adds its facts to the lists it knows, and
/// <see cref="Build"/> sorts them into the snapshot. Not thread-safe; sources contribute one at a time.
/// </summary>
internal sealed class SnapshotBuilder(string course, Person student, ReportWindow window)
{
    public ICollection<ReviewedMergeRequest> Reviews { get; } = new List<ReviewedMergeRequest>();

    public ICollection<MergeRequestRef> Merges { get; } = new List<MergeRequestRef>();

    public ICollection<Contribution> Contributions { get; } = new List<Contribution>();

    public ICollection<MergeRequestRef> AuthoredMergeRequests { get; } = new List<MergeRequestRef>();

    public ICollection<Ticket> Tickets { get; } = new List<Ticket>();

    /// <summary>Linear issues the merge requests above name, other than <see cref="Tickets"/>; written only when there are some.</summary>
    public ICollection<ReferencedTicket> ReferencedTickets { get; } = new List<ReferencedTicket>();

    public ICollection<AutomationNote> Automation { get; } = new List<AutomationNote>();

    public ICollection<SourceRun> Sources { get; } = new List<SourceRun>();

    /// <summary>What makes this report doubtful (an empty <c>student.emails</c>, a window without activity); written only when there are some.</summary>
    public ICollection<ReportWarning> Warnings { get; } = new List<ReportWarning>();

    /// <summary>The window the snapshot covers, in the course's time zone.</summary>
    public ReportWindow Window => window;

    /// <summary>A snapshot of the current schema version, normalized: the same facts give the same bytes.</summary>
    public Snapshot Build() => SnapshotSerializer.Normalize(new Snapshot
    {
        SchemaVersion = Snapshot.CurrentSchemaVersion,
        Course = course,
        Student = student,
        Window = window,
        Reviews = [.. Reviews],
        Merges = [.. Merges],
        Contributions = [.. Contributions],
        AuthoredMergeRequests = [.. AuthoredMergeRequests],
        Tickets = [.. Tickets],
        ReferencedTickets = ReferencedTickets.Count == 0 ? null : [.. ReferencedTickets],
        Automation = [.. Automation],
        Sources = [.. Sources],
        Warnings = Warnings.Count == 0 ? null : [.. Warnings],
    });
}
