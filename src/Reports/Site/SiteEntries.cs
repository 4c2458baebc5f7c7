using System.Text.Json;

namespace Reports.Site;

/// <summary>
/// Reads the weeks a site folder already holds: every <c>{folder}/*/meta.json</c> that is ours,
/// that is valid JSON whose slug is its folder's name. A foreign or damaged file is skipped.
/// </summary>
public static class SiteEntries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The weeks directly below <paramref name="directory"/>, in folder-name order; none when it does not exist.</summary>
    public static IEnumerable<SiteEntry> In(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var week in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (Read(week) is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <summary>The week kept in <c>{weekFolder}/meta.json</c>, or null when there is none of ours.</summary>
    public static SiteEntry? Read(string weekFolder)
    {
        var meta = Path.Combine(weekFolder, "meta.json");
        SiteEntry? entry = null;
        try
        {
            entry = File.Exists(meta) ? JsonSerializer.Deserialize<SiteEntry>(File.ReadAllText(meta), Json) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A foreign or damaged meta.json is not ours to list.
        }

        return entry is not null && entry.Slug is not null && Path.GetFileName(Path.TrimEndingDirectorySeparator(weekFolder)) == entry.Slug ? entry : null;
    }
}
