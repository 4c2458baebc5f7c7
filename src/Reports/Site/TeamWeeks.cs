using System.Text.Json;

namespace Reports.Site;

/// <summary>
/// Reads and writes <c>team-weeks.json</c>, the team weeks a team's folder holds, oldest first, with each
/// week's attention list: the team page and the course index read the flags from it, so a course index
/// made from the team jobs' folders shows them as the team builds did.
/// </summary>
internal static class TeamWeeks
{
    public const string FileName = "team-weeks.json";

    private static readonly JsonSerializerOptions Read = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions Written = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The team weeks listed in <paramref name="teamFolder"/> whose page is there, oldest first; none for a foreign or damaged file.</summary>
    public static IReadOnlyList<TeamWeekEntry> In(string teamFolder)
    {
        var path = Path.Combine(teamFolder, FileName);
        try
        {
            var listed = File.Exists(path) ? JsonSerializer.Deserialize<TeamWeekEntry[]>(File.ReadAllText(path), Read) : null;
            return OldestFirst((listed ?? []).Where(e => e is { Slug: { } s, Flags: not null } && s.Length > 0 && s.IndexOfAny(['/', '\\', '.']) < 0
                && File.Exists(Path.Combine(teamFolder, s, "index.html"))));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static string Serialize(IReadOnlyList<TeamWeekEntry> weeks) => JsonSerializer.Serialize(weeks, Written) + "\n";

    /// <summary>The newest week that had ended when it was collected, whose flags the team page and course index show.</summary>
    public static TeamWeekEntry? NewestCompleted(IReadOnlyList<TeamWeekEntry> weeks) => weeks.LastOrDefault(w => !w.InProgress);

    public static IReadOnlyList<TeamWeekEntry> OldestFirst(IEnumerable<TeamWeekEntry> weeks) =>
        [.. weeks.OrderBy(w => w.Start).ThenBy(w => w.Slug, StringComparer.Ordinal)];
}
