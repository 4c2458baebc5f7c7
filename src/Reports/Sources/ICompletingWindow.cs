using Reports.Config;

namespace Reports.Sources;

/// <summary>
/// A fetched window with facts that depend on what the other sources found: the Linear tickets
/// that GitLab merge requests name. Once every source has contributed to every student, the
/// collector calls <see cref="CompleteAsync"/> once with all of them, so the extra reading is one
/// round of requests per window however many students there are.
/// </summary>
internal interface ICompletingWindow : IFetchedWindow
{
    /// <summary>Reads what the students' snapshots point at and adds it to them.</summary>
    Task CompleteAsync(IReadOnlyList<(StudentConfig Student, SnapshotBuilder Snapshot)> students, IProgress<CollectionProgress>? progress, CancellationToken ct);
}
