namespace Reports.Site;

/// <summary>A course once every team of the run is written: the teams this run wrote and those of earlier runs in the folder, by name.</summary>
internal sealed class CourseRun
{
    private readonly Lazy<IReadOnlyList<CourseTeam>> _teams;

    /// <param name="written">The teams this run wrote.</param>
    /// <param name="outputDirectory">The course's folder, where team sites of earlier runs (another config's) stay listed.</param>
    /// <param name="title">The course index's heading; null for the course title of the newest report.</param>
    public CourseRun(IReadOnlyList<CourseTeam> written, string outputDirectory, string? title)
    {
        Title = title;
        _teams = new(() =>
        {
            var here = written.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            return [.. CourseIndex.Teams(outputDirectory, existing: true).Where(t => !here.Contains(t.Name)).Concat(written).OrderBy(t => t.Name, StringComparer.Ordinal)];
        });
    }

    public string? Title { get; }

    /// <summary>Every team of the course folder after this run, by name; read once, when first asked.</summary>
    public IReadOnlyList<CourseTeam> Teams => _teams.Value;
}
