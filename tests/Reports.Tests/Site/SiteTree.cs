using Reports.Files;

namespace Reports.Tests.Site;

/// <summary>Everything in a folder: each file's bytes and each folder, to compare whole sites.</summary>
internal sealed record SiteTree(IReadOnlyDictionary<string, byte[]> Files, IReadOnlySet<string> Folders)
{
    public static SiteTree Read(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes),
        Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(root, d)).ToHashSet());

    /// <summary>What a reader of the site sees: our hidden temp files and journal left out.</summary>
    public SiteTree Visible() => new(
        Files.Where(f => !TempFile.IsOurs(Path.GetFileName(f.Key)) && f.Key != ".evidence-journal.json").ToDictionary(),
        Folders);

    public IEnumerable<string> OurTempFiles => Files.Keys.Where(k => TempFile.IsOurs(Path.GetFileName(k)));

    public void CopyTo(string root)
    {
        foreach (var folder in Folders)
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        foreach (var (path, bytes) in Files)
        {
            File.WriteAllBytes(Path.Combine(root, path), bytes);
        }
    }

    /// <summary>Null when the files are the same (and the folders too, unless <paramref name="filesOnly"/>); else what this tree has extra, misses or has different.</summary>
    public string? Difference(SiteTree other, bool filesOnly = false)
    {
        var differences = Files.Keys.Union(other.Files.Keys).Order(StringComparer.Ordinal)
            .Where(k => !Files.TryGetValue(k, out var a) || !other.Files.TryGetValue(k, out var b) || !a.AsSpan().SequenceEqual(b))
            .Select(k => Files.ContainsKey(k) ? other.Files.ContainsKey(k) ? $"differs {k}" : $"extra {k}" : $"missing {k}")
            .ToList();
        if (!filesOnly)
        {
            differences.AddRange(Folders.Except(other.Folders).Select(f => $"extra {f}/"));
            differences.AddRange(other.Folders.Except(Folders).Select(f => $"missing {f}/"));
        }

        return differences.Count == 0 ? null : string.Join(", ", differences);
    }

    public bool SameAs(SiteTree other, bool filesOnly = false) => Difference(other, filesOnly) is null;
}
