using System.Text.Json;

namespace Reports.Site;

/// <summary>
/// Reads and writes the weeks a student's folder holds. Each run writes them all to
/// <c>{folder}/weeks.json</c>, oldest first. Sites written before that file existed kept a
/// <c>{folder}/{slug}/meta.json</c> beside each report; those are still read, for weeks that
/// <c>weeks.json</c> does not list. A week counts only when its folder is there and its slug is a
/// plain folder name; a foreign or damaged file is skipped.
/// </summary>
internal static class SiteEntries
{
    /// <summary>The name of a student folder's list of weeks.</summary>
    public const string FileName = "weeks.json";

    private static readonly JsonSerializerOptions Read = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions Written = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The weeks directly below <paramref name="directory"/>, in folder-name order; none when it does not exist.</summary>
    public static IEnumerable<SiteEntry> In(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var listed = Listed(directory);
        var legacy = Directory.EnumerateDirectories(directory)
            .Where(week => !listed.ContainsKey(Path.GetFileName(week)))
            .Select(LegacyEntry)
            .OfType<SiteEntry>();
        return listed.Values.Concat(legacy).OrderBy(e => e.Slug, StringComparer.Ordinal);
    }

    /// <summary>The text of <c>weeks.json</c> for <paramref name="weeks"/>.</summary>
    public static string Serialize(IReadOnlyList<SiteEntry> weeks) => JsonSerializer.Serialize(weeks, Written) + "\n";

    private static Dictionary<string, SiteEntry> Listed(string directory)
    {
        var entries = new Dictionary<string, SiteEntry>(StringComparer.Ordinal);
        foreach (var entry in Parse<SiteEntry[]>(Path.Combine(directory, FileName)) ?? [])
        {
            if (entry?.Slug is { } slug && IsPlainName(slug) && Directory.Exists(Path.Combine(directory, slug)))
            {
                entries.TryAdd(slug, entry);
            }
        }

        return entries;
    }

    // A week kept by a version before weeks.json: {slug}/meta.json, whose slug is its folder's name.
    private static SiteEntry? LegacyEntry(string weekFolder) =>
        Parse<SiteEntry>(Path.Combine(weekFolder, "meta.json")) is { Slug: { } slug } entry && slug == Path.GetFileName(weekFolder) ? entry : null;

    private static T? Parse<T>(string path)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Read) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A foreign or damaged file is not ours to list.
            return null;
        }
    }

    private static bool IsPlainName(string slug) =>
        slug is not ("" or "." or "..") && slug.IndexOfAny(['/', '\\']) < 0 && slug == slug.Trim();
}
