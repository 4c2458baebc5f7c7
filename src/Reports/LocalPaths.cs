namespace Reports;

/// <summary>Paths on this machine as the file system resolves them, so a link inside a folder cannot lead out of it unseen.</summary>
internal static class LocalPaths
{
    /// <summary>Whether <paramref name="path"/> lies below <paramref name="root"/> (both full paths).</summary>
    public static bool IsInside(string root, string path) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary><paramref name="path"/> with every symbolic link on it resolved, component by component.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var real = root;
        var pending = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        for (var hops = 0; pending.TryDequeue(out var part);)
        {
            var next = Path.Combine(real, part);
            var link = new FileInfo(next).LinkTarget;
            if (link is null)
            {
                real = next;
                continue;
            }

            if (++hops > 40)
            {
                throw new EvidenceException($"too many symbolic links under '{path}'");
            }

            // Resolve the target's own components next, then whatever was still to come.
            var target = Path.GetFullPath(link, real);
            var rest = pending.ToArray();
            var targetRoot = Path.GetPathRoot(target)!;
            real = targetRoot;
            pending = new Queue<string>(target[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
        }

        return real;
    }
}
