using Reports.Model;

namespace Reports.Sources;

/// <summary>A team's snapshot being assembled: sources that know team facts add them (<see cref="ITeamWindow"/>).</summary>
internal sealed class TeamSnapshotBuilder(string course, string? team, IReadOnlyList<Person> students, ReportWindow window)
{
    public ICollection<TeamMergeRequest> MergeRequests { get; } = new List<TeamMergeRequest>();

    /// <summary>A team snapshot of the current schema version, normalized.</summary>
    public TeamSnapshot Build() => TeamSnapshotSerializer.Normalize(new TeamSnapshot
    {
        SchemaVersion = Snapshot.CurrentSchemaVersion,
        Course = course,
        Team = team,
        Students = students,
        Window = window,
        MergeRequests = [.. MergeRequests],
    });
}
