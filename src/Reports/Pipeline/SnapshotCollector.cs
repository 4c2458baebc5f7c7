using Reports.Calendar;
using Reports.Config;
using Reports.Model;
using Reports.Sources;

namespace Reports.Pipeline;

/// <summary>
/// Runs the online half of the pipeline: config + window → every registered source → snapshot.
/// Each source fetches the window once; each student's rules then run on what it fetched. Build
/// one per run; it owns the sources (one connection pool and resilience pipeline each, for every window).
/// </summary>
internal sealed class SnapshotCollector(EvidenceConfig config, IReadOnlyList<ISource> sources, TimeProvider time) : IDisposable
{
    public CourseCalendar Calendar { get; } = new(config.Calendar);

    /// <summary>The configured student's snapshot of <paramref name="window"/>.</summary>
    public async Task<Snapshot> CollectAsync(ReportWindow window, IProgress<CollectionProgress>? progress, CancellationToken ct) =>
        (await CollectAsync(window, [config.Student], progress, ct))[0];

    /// <summary>One snapshot per student, in the order given, from a single fetch per source.</summary>
    public async Task<IReadOnlyList<Snapshot>> CollectAsync(
        ReportWindow window, IReadOnlyList<StudentConfig> students, IProgress<CollectionProgress>? progress, CancellationToken ct) =>
        (await CollectTeamAsync(window, students, progress, ct)).Students;

    /// <summary>As above, with the team's snapshot of the same fetch: who reviewed and approved whose merge requests.</summary>
    public async Task<(IReadOnlyList<Snapshot> Students, TeamSnapshot Team)> CollectTeamAsync(
        ReportWindow window, IReadOnlyList<StudentConfig> students, IProgress<CollectionProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(students);
        var (start, end) = Calendar.Instants(window);
        var span = new CollectionWindow(start, end);
        var snapshots = students
            .Select(s => new SnapshotBuilder(config.Course ?? "", new Person(s.Username, s.Name), window))
            .ToList();
        var team = new TeamSnapshotBuilder(config.Course ?? "", config.TeamName, [.. students.Select(s => new Person(s.Username, s.Name))], window);
        var completing = new List<ICompletingWindow>();
        foreach (var source in sources)
        {
            var fetched = await source.FetchAsync(span, progress, ct);
            if (fetched is ICompletingWindow completes)
            {
                completing.Add(completes);
            }

            if (fetched is ITeamWindow teamFacts)
            {
                teamFacts.ContributeTo(team);
            }

            var run = new SourceRun
            {
                Name = source.Name,
                Url = WithoutCredentials(fetched.Instance),
                Covered = fetched.Covered,
                CollectedAt = time.GetUtcNow(),
            };
            for (var i = 0; i < students.Count; i++)
            {
                snapshots[i].Sources.Add(run);
                fetched.ContributeTo(students[i], snapshots[i]);
            }
        }

        // After every source, so that what one source found (merge requests) can lead another (Linear) to more.
        var all = students.Select((student, i) => (student, snapshots[i])).ToList();
        foreach (var fetched in completing)
        {
            await fetched.CompleteAsync(all, progress, ct);
        }

        return ([.. snapshots.Select(s => s.Build())], team.Build());
    }

    public void Dispose()
    {
        foreach (var source in sources.OfType<IDisposable>())
        {
            source.Dispose();
        }
    }

    // Whatever a source reports, a snapshot never carries a user name, password, query or fragment.
    private static string WithoutCredentials(Uri instance) =>
        new UriBuilder(instance) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.AbsoluteUri;
}
