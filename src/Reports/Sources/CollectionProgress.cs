namespace Reports.Sources;

/// <summary>
/// Where a collection is: <see cref="Source"/> is reading <see cref="Stage"/> ("listing ppl/sira-backend",
/// "merge requests"), <see cref="Done"/> of <see cref="Total"/> counts that stage's items.
/// </summary>
internal sealed record CollectionProgress(string Source, string Stage, int Done, int Total);
