using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reports.Site;

/// <summary>
/// What a team site says about the team in <c>team.json</c> at its root, beside the students'
/// <c>weeks.json</c>: its name and its students in the team page's order, with their tutors. The
/// course pages are made from these files, so a course's team sites built by separate CI jobs
/// (<c>build --team NAME</c>) can be listed by a later <c>course-index</c>.
/// </summary>
/// <param name="Name">The team's name in a course; null for a site of one team.</param>
internal sealed record TeamSummary(string? Name, IReadOnlyList<TeamMember> Students)
{
    public const string FileName = "team.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Serialize() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>The <c>team.json</c> of <paramref name="teamFolder"/>, or null when it has none or one that is not ours.</summary>
    public static TeamSummary? In(string teamFolder)
    {
        var path = Path.Combine(teamFolder, FileName);
        try
        {
            return File.Exists(path) && JsonSerializer.Deserialize<TeamSummary>(File.ReadAllText(path), Options) is { Students: not null } summary
                && summary.Students.All(s => s?.Username is not null)
                ? summary
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A foreign or damaged file: the team is listed from its folders instead.
            return null;
        }
    }
}
