using System.Text.Json;
using Reports.Files;

namespace Reports.Site;

/// <summary>
/// The renames a commit has still to make, as <c>.evidence-journal.json</c> in the output folder:
/// <c>{"version": 1, "renames": [{"from": "w/.report.md.evidence-….tmp", "to": "w/report.md"}]}</c>,
/// paths relative to the folder with '/' separators.
/// </summary>
internal sealed record SiteJournal(int Version, IReadOnlyList<SiteJournal.Rename> Renames)
{
    public const string FileName = ".evidence-journal.json";

    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NewLine = "\n" };

    public static SiteJournal For(string root, IEnumerable<(string Temp, string Target)> renames) =>
        new(CurrentVersion, [.. renames.Select(r => new Rename(Relative(root, r.Temp), Relative(root, r.Target)))]);

    /// <summary>The journal in UTF-8, written without a string of its own: a course's lists some 20,000 renames.</summary>
    public byte[] SerializeToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The absolute renames of a journal, or null when the text is not a journal this version wrote.</summary>
    public static IReadOnlyList<(string Temp, string Target)>? Parse(string root, string text)
    {
        SiteJournal? journal;
        try
        {
            journal = JsonSerializer.Deserialize<SiteJournal>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (journal is not { Version: CurrentVersion, Renames: not null })
        {
            return null;
        }

        var renames = new List<(string, string)>();
        foreach (var rename in journal.Renames)
        {
            var temp = Absolute(root, rename?.From);
            var target = Absolute(root, rename?.To);

            // Only our own temp files, each beside its target, inside the folder: a tampered journal moves nothing else.
            if (temp is null || target is null || !TempFile.IsOurs(Path.GetFileName(temp)) || Path.GetDirectoryName(temp) != Path.GetDirectoryName(target))
            {
                return null;
            }

            renames.Add((temp, target));
        }

        return renames;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string? Absolute(string root, string? relative)
    {
        if (string.IsNullOrEmpty(relative) || Path.IsPathRooted(relative) || relative.Split('/').Any(s => s is "" or "." or ".."))
        {
            return null;
        }

        return Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    internal sealed record Rename(string? From, string? To);
}
