namespace Reports.Site;

/// <summary>
/// Test hook, not a feature: with <c>EVIDENCE_TEST_COMMIT_PAUSE=N</c> set, a commit announces
/// <c>evidence-test: paused before …</c> on standard error and blocks before its N-th (0-based)
/// file change, so a test can kill the process at exactly that point.
/// </summary>
internal sealed class CommitPause(ISiteFileSystem inner, int pauseAt) : ISiteFileSystem
{
    public const string Variable = "EVIDENCE_TEST_COMMIT_PAUSE";

    private int _changes;

    public static ISiteFileSystem Wrap(ISiteFileSystem inner) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var n) && n >= 0 ? new CommitPause(inner, n) : inner;

    public bool FileExists(string path) => inner.FileExists(path);

    public bool DirectoryExists(string path) => inner.DirectoryExists(path);

    public bool IsReadOnly(string path) => inner.IsReadOnly(path);

    public IEnumerable<string> EnumerateFiles(string directory) => inner.EnumerateFiles(directory);

    public string ReadAllText(string path) => inner.ReadAllText(path);

    public void CreateDirectory(string path)
    {
        Change("mkdir", path);
        inner.CreateDirectory(path);
    }

    public string WriteTemp(string target, string content)
    {
        Change("write", target);
        return inner.WriteTemp(target, content);
    }

    public string WriteTemp(string target, byte[] content)
    {
        Change("write", target);
        return inner.WriteTemp(target, content);
    }

    public void FlushToDisk(IReadOnlyList<string> paths) => inner.FlushToDisk(paths);

    public void Move(string source, string target)
    {
        Change("rename", target);
        inner.Move(source, target);
    }

    public void DeleteFile(string path)
    {
        Change("delete", path);
        inner.DeleteFile(path);
    }

    public void DeleteDirectory(string path)
    {
        Change("rmdir", path);
        inner.DeleteDirectory(path);
    }

    private void Change(string operation, string path)
    {
        if (_changes++ == pauseAt)
        {
            Console.Error.WriteLine($"evidence-test: paused before {operation} {path}");
            Console.Error.Flush();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
