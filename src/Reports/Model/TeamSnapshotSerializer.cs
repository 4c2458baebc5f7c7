using System.Text;
using System.Text.Json;

namespace Reports.Model;

/// <summary>
/// Reads and writes the team snapshot (<c>team.snapshot.json</c> beside a team's student snapshots) as
/// <see cref="SnapshotSerializer"/> does a student's: stable order, strict reading, nothing secret.
/// </summary>
internal static class TeamSnapshotSerializer
{
    /// <summary>The file name of a team's snapshot in the folder <c>collect</c> writes for a team.</summary>
    public const string FileName = "team.snapshot.json";

    /// <summary>The first schema version with a team snapshot.</summary>
    public const int FirstVersion = 3;

    public static string Serialize(TeamSnapshot team) =>
        BidiControls.EscapeInJson(Secrets.Redact(JsonSerializer.Serialize(Normalize(team), SnapshotSerializer.Options) + "\n"));

    /// <param name="source">Where the JSON came from, for error messages.</param>
    public static TeamSnapshot Deserialize(string json, string source)
    {
        try
        {
            var utf8 = Encoding.UTF8.GetBytes(json);
            SnapshotSerializer.CheckSchemaVersion(utf8, source);
            var team = JsonSerializer.Deserialize<TeamSnapshot>(utf8, SnapshotSerializer.Options)
                ?? throw SnapshotSerializer.Invalid(source, "$", "the team snapshot is null");
            if (team.SchemaVersion < FirstVersion)
            {
                throw SnapshotSerializer.Invalid(source, "$.schemaVersion", $"a team snapshot has version {FirstVersion} or later");
            }

            return Normalize(team);
        }
        catch (JsonException e)
        {
            throw SnapshotSerializer.Invalid(source, e.Path ?? "$", SnapshotSerializer.FirstSentence(e.Message), e);
        }
    }

    /// <summary>Merge requests by project then iid; threads by time; approvers and commenters by username.</summary>
    public static TeamSnapshot Normalize(TeamSnapshot team) => team with
    {
        MergeRequests = [.. team.MergeRequests
            .Select(m => m with
            {
                Threads = [.. m.Threads.OrderBy(t => t.Thread.CreatedAt).ThenBy(t => t.Thread.NoteId)],
                ApprovedBy = m.ApprovedBy is null ? null : [.. m.ApprovedBy.OrderBy(p => p.Username, StringComparer.Ordinal)],
                Commenters = [.. m.Commenters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            })
            .OrderBy(m => m.MergeRequest.Project, StringComparer.Ordinal).ThenBy(m => m.MergeRequest.Iid)],
    };
}
