namespace Reports.Model;

/// <summary>The names sources are recorded under in <see cref="Snapshot.Sources"/>: the source writes them, the report reads them.</summary>
internal static class SourceNames
{
    public const string GitLab = "gitlab";

    public const string Linear = "linear";
}
