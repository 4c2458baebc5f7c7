using Reports.Config;
using Reports.Model;
using Reports.Sources;

namespace Reports.Tests.Sources;

/// <summary>
/// A second source, as a later one (Linear) will be: it fetches its window once for nobody in
/// particular, then gives each student the tickets they created. Counts its fetches.
/// </summary>
internal sealed class TicketSource(string name, Uri instance, IReadOnlyList<Ticket> tickets, IReadOnlyDictionary<string, string> creators) : ISource
{
    public int Fetches { get; private set; }

    public string Name => name;

    public Task<IFetchedWindow> FetchAsync(CollectionWindow window, IProgress<CollectionProgress>? progress, CancellationToken ct)
    {
        Fetches++;
        progress?.Report(new CollectionProgress(name, "issues", tickets.Count, tickets.Count));
        IFetchedWindow fetched = new Fetched(instance, [.. tickets.Where(t => window.Contains(t.CreatedAt))], creators);
        return Task.FromResult(fetched);
    }

    private sealed class Fetched(Uri instance, IReadOnlyList<Ticket> tickets, IReadOnlyDictionary<string, string> creators) : IFetchedWindow
    {
        public Uri Instance => instance;

        public IReadOnlyList<string> Covered => ["SIRA"];

        public void ContributeTo(StudentConfig student, SnapshotBuilder snapshot)
        {
            foreach (var ticket in tickets.Where(t => creators[t.Identifier] == student.Username))
            {
                snapshot.Tickets.Add(ticket with { CreatedInWindow = true });
            }
        }
    }
}
