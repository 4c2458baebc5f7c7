namespace Reports.Sources;

/// <summary>
/// A service facts come from (GitLab, Linear). It fetches a window once, for nobody in particular;
/// what it fetched then applies one student's "what counts" rules at a time, so one fetch can serve
/// a whole team. Register a new source in <see cref="SourceRegistry"/>; nothing else changes.
/// </summary>
internal interface ISource
{
    /// <summary>The name it is recorded under in the snapshot; one of <see cref="Model.SourceNames"/>.</summary>
    string Name { get; }

    /// <summary>Reads everything in <paramref name="window"/> that can matter to any student.</summary>
    Task<IFetchedWindow> FetchAsync(CollectionWindow window, IProgress<CollectionProgress>? progress, CancellationToken ct);
}
