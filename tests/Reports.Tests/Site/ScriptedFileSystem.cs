using Reports.Files;
using Reports.Site;

namespace Reports.Tests.Site;

/// <summary>
/// The real disk, with a hook before every change (mkdir, write, rename, delete) that a test
/// uses to fail or cancel the commit at exactly that change.
/// </summary>
internal sealed class ScriptedFileSystem(Action<int, string> beforeChange) : ISiteFileSystem
{
    private readonly SiteFileSystem _disk = new();

    /// <summary>Every change asked for, in order, including the one that failed.</summary>
    public List<string> Changes { get; } = [];

    /// <summary>Fails change <paramref name="at"/> with an <see cref="IOException"/>; with <paramref name="andAfter"/> every later change fails too, as when the disk is gone.</summary>
    public static ScriptedFileSystem FailingAt(int at, bool andAfter) => new((n, change) =>
    {
        if (n == at || (andAfter && n > at))
        {
            throw new IOException($"injected failure at change {n}: {change}");
        }
    });

    public bool FileExists(string path) => _disk.FileExists(path);

    public bool DirectoryExists(string path) => _disk.DirectoryExists(path);

    public bool IsReadOnly(string path) => _disk.IsReadOnly(path);

    public IEnumerable<string> EnumerateFiles(string directory) => _disk.EnumerateFiles(directory);

    public string ReadAllText(string path) => _disk.ReadAllText(path);

    public void CreateDirectory(string path)
    {
        Change($"mkdir {path}");
        _disk.CreateDirectory(path);
    }

    public string WriteTemp(string target, string content)
    {
        try
        {
            Change($"write {target}");
        }
        catch (IOException) when (Directory.Exists(Path.GetDirectoryName(target)))
        {
            // A write that fails part-way (disk full, power cut) can leave an empty temp file of ours behind.
            File.WriteAllBytes(TempFile.PathBeside(target), []);
            throw;
        }

        return _disk.WriteTemp(target, content);
    }

    public string WriteTemp(string target, byte[] content)
    {
        Change($"write {target}");
        return _disk.WriteTemp(target, content);
    }

    public void FlushToDisk(IReadOnlyList<string> paths) => _disk.FlushToDisk(paths);

    public void Move(string source, string target)
    {
        Change($"rename {source} -> {target}");
        _disk.Move(source, target);
    }

    public void DeleteFile(string path)
    {
        Change($"delete {path}");
        _disk.DeleteFile(path);
    }

    public void DeleteDirectory(string path)
    {
        Change($"rmdir {path}");
        _disk.DeleteDirectory(path);
    }

    private void Change(string change)
    {
        Changes.Add(change);
        beforeChange(Changes.Count - 1, change);
    }
}
