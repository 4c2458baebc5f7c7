namespace Reports.Rendering;

/// <summary>
/// Where templates are looked up: the user's override folder first (if any), then the shipped
/// <c>templates/</c>. A user file replaces the shipped file of the same relative path.
/// </summary>
internal sealed class TemplateRoots
{
    public TemplateRoots(string shipped, string? overrides = null)
    {
        Shipped = Path.GetFullPath(shipped);
        Overrides = overrides is null ? null : Path.GetFullPath(overrides);
        if (!Directory.Exists(Shipped))
        {
            throw new LocalFileException($"the shipped templates folder '{Shipped}' is missing; reinstall evidence");
        }

        if (Overrides is not null && !Directory.Exists(Overrides))
        {
            throw new EvidenceException($"templates folder '{Overrides}' not found; fix 'templates:' in the config or --templates, or run 'evidence templates export {Overrides}'");
        }
    }

    /// <summary>The templates shipped beside the tool's assembly.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "templates");

    public string Shipped { get; }

    public string? Overrides { get; }

    /// <summary>
    /// The full path of <paramref name="name"/> (a relative path with '/' separators) in the first
    /// root that has it, or null. Names that could leave a root are refused.
    /// </summary>
    public string? Resolve(string name)
    {
        if (!IsSafeName(name))
        {
            throw new EvidenceException($"template name '{name}' is not allowed: use a relative path inside the templates folder, without '..'");
        }

        foreach (var root in Overrides is null ? [Shipped] : new[] { Overrides, Shipped })
        {
            var path = Path.GetFullPath(Path.Combine(root, name));
            if (!LocalPaths.IsInside(root, path) || !File.Exists(path))
            {
                continue;
            }

            // Symbolic links anywhere on the way (a linked folder as much as a linked file) must not lead outside the root.
            return LocalPaths.IsInside(LocalPaths.RealPath(root), LocalPaths.RealPath(path))
                ? path
                : throw new EvidenceException($"template '{name}' in '{root}' is a link to a file outside that folder; templates are only read from inside their folders");
        }

        return null;
    }

    /// <summary>
    /// Relative names ('/' separators) of the files ending in <paramref name="extension"/> in either
    /// root, each once. Linked files and folders are not followed here; <see cref="Resolve"/> decides about those.
    /// </summary>
    public IReadOnlyList<string> Names(string extension)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return [.. (Overrides is null ? [Shipped] : new[] { Overrides, Shipped })
            .SelectMany(root => Directory.EnumerateFiles(root, "*" + extension, options)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsSafeName(string name) =>
        name.Length > 0
        && !Path.IsPathRooted(name)
        && !name.Contains('\\')
        && !name.Contains(':')
        && name.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
