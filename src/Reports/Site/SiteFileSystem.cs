using Reports.Files;

namespace Reports.Site;

/// <summary>The real disk behind <see cref="ISiteFileSystem"/>.</summary>
internal sealed class SiteFileSystem : ISiteFileSystem
{
    // Hidden files are listed (our temp names start with a dot); links are not followed.
    private static readonly EnumerationOptions Everything = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
    };

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    // Elsewhere a rename replaces a file whatever its mode; only the folder's permission counts, and writing the temp file proves it.
    public bool IsReadOnly(string path) => OperatingSystem.IsWindows() && File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly);

    public IEnumerable<string> EnumerateFiles(string directory) => Directory.EnumerateFiles(directory, "*", Everything);

    public string ReadAllText(string path) => File.ReadAllText(path);

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public string WriteTemp(string target, string content) => TempFile.WriteBeside(target, content, flushToDisk: false);

    public string WriteTemp(string target, byte[] content) => TempFile.WriteBeside(target, content, flushToDisk: false);

    public void FlushToDisk(IReadOnlyList<string> paths) => TempFile.FlushToDisk(paths);

    public void Move(string source, string target) => File.Move(source, target, overwrite: true);

    public void DeleteFile(string path) => File.Delete(path);

    public void DeleteDirectory(string path) => Directory.Delete(path, recursive: false);
}
