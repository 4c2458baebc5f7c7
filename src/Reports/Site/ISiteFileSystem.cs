namespace Reports.Site;

/// <summary>
/// The file operations a <see cref="SiteCommit"/> makes, and nothing more, so tests can fail any
/// one of them. Paths are absolute.
/// </summary>
internal interface ISiteFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>True when the file itself refuses to be replaced (the read-only flag on Windows).</summary>
    bool IsReadOnly(string path);

    /// <summary>Every file below <paramref name="directory"/>, not following links.</summary>
    IEnumerable<string> EnumerateFiles(string directory);

    string ReadAllText(string path);

    /// <summary>Creates one folder whose parent exists.</summary>
    void CreateDirectory(string path);

    /// <summary>Writes <paramref name="content"/> to a new temporary file beside <paramref name="target"/> (not yet flushed to disk); returns its path.</summary>
    string WriteTemp(string target, string content);

    /// <summary>Writes <paramref name="content"/> as it is (an image) to a new temporary file beside <paramref name="target"/>; returns its path.</summary>
    string WriteTemp(string target, byte[] content);

    /// <summary>Waits until the bytes of these files are on disk.</summary>
    void FlushToDisk(IReadOnlyList<string> paths);

    /// <summary>Renames <paramref name="source"/> onto <paramref name="target"/>, replacing it.</summary>
    void Move(string source, string target);

    void DeleteFile(string path);

    /// <summary>Deletes a folder that is empty, and fails otherwise.</summary>
    void DeleteDirectory(string path);
}
