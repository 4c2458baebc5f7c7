using System.Collections.Concurrent;
using Reports.Site;
using Reports.Tests.Support;

namespace Reports.Tests.Site;

public sealed class SiteCommitTests
{
    [Fact]
    public void A_commit_writes_any_set_of_relative_paths_and_returns_them_in_order()
    {
        using var work = new TempDirectory();
        var root = work.Combine("out", "site");

        var written = new SiteCommit(root + Path.DirectorySeparatorChar).Commit(
            [new SiteFile("feeds/atom.xml", "<feed/>"), new SiteFile("team/a/b/index.html", "<p>é</p>"), new SiteFile("robots.txt", "")]);

        Assert.Equal([Path.Combine(root, "feeds", "atom.xml"), Path.Combine(root, "team", "a", "b", "index.html"), Path.Combine(root, "robots.txt")], written);
        Assert.Equal("<p>é</p>"u8.ToArray(), File.ReadAllBytes(written[1]));
        Assert.Equal(["feeds/atom.xml", "robots.txt", "team/a/b/index.html"], SiteTree.Read(root).Files.Keys.Select(k => k.Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("../outside.html")]
    [InlineData("/etc/evidence.html")]
    [InlineData("a//b.html")]
    [InlineData("a/./b.html")]
    [InlineData(".evidence-journal.json")]
    [InlineData("w/.report.md.evidence-0123456789abcdef0123456789abcdef.tmp")]
    public void A_path_that_could_leave_the_folder_or_clash_with_the_commit_is_refused_before_anything_is_written(string path)
    {
        using var work = new TempDirectory();

        Assert.Throws<ArgumentException>(() => new SiteCommit(work.Combine("site")).Commit([new SiteFile("index.html", "x"), new SiteFile(path, "x")]));

        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Fact]
    public void The_same_path_twice_is_refused()
    {
        using var work = new TempDirectory();

        Assert.Throws<ArgumentException>(() => new SiteCommit(work.Path).Commit([new SiteFile("index.html", "a"), new SiteFile("index.html", "b")]));
    }

    [Fact]
    public void Files_are_written_as_they_are_produced_and_a_failure_while_producing_them_replaces_nothing()
    {
        using var work = new TempDirectory();
        var root = work.Combine("site");
        new SiteCommit(root).Commit([new SiteFile("index.html", "old")]);
        var tempsBeforeSecond = -1;

        IEnumerable<SiteFile> Files()
        {
            yield return new SiteFile("index.html", "new");
            tempsBeforeSecond = Directory.EnumerateFiles(root, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Count();
            yield return new SiteFile("w/report.md", "new");
            throw new InvalidOperationException("a template failed");
        }

        var e = Assert.Throws<InvalidOperationException>(() => new SiteCommit(root).Commit(Files()));

        Assert.Equal("a template failed", e.Message);
        Assert.Equal(1, tempsBeforeSecond);
        Assert.Equal(["index.html"], SiteTree.Read(root).Files.Keys);
        Assert.Equal("old", File.ReadAllText(Path.Combine(root, "index.html")));
    }

    [Fact]
    public void The_journal_is_written_only_once_every_new_file_is_on_disk()
    {
        using var work = new TempDirectory();
        var disk = new FlushWatchingFileSystem(flushDelay: TimeSpan.FromMilliseconds(20));
        var files = Enumerable.Range(0, 200).Select(i => new SiteFile($"w{i / 3}/file-{i}.html", $"page {i}")).ToList();

        new SiteCommit(work.Path, disk).Commit(files);

        Assert.Equal(200, disk.TempsWritten);
        Assert.Equal(200, disk.FlushedBeforeJournal);
        Assert.Equal("page 199", File.ReadAllText(work.Combine("w66", "file-199.html")));
    }

    [Fact]
    public void A_file_that_cannot_be_flushed_to_disk_replaces_nothing_and_leaves_no_temp_file()
    {
        using var work = new TempDirectory();
        var root = work.Combine("site");
        new SiteCommit(root).Commit([new SiteFile("index.html", "old")]);
        var disk = new FlushWatchingFileSystem(flushDelay: TimeSpan.Zero, failOn: "file-70.html");

        var e = Assert.Throws<LocalFileException>(() => new SiteCommit(root, disk).Commit(
            [new SiteFile("index.html", "new"), .. Enumerable.Range(0, 100).Select(i => new SiteFile($"w/file-{i}.html", "x"))]));

        Assert.Contains("nothing in", e.Message, StringComparison.Ordinal);
        Assert.Equal(["index.html"], SiteTree.Read(root).Files.Keys);
        Assert.Empty(SiteTree.Read(root).Folders);
        Assert.Equal("old", File.ReadAllText(Path.Combine(root, "index.html")));
    }

    /// <summary>The real disk, counting which temp files were flushed before the journal was written; flushes can be slowed or made to fail.</summary>
    private sealed class FlushWatchingFileSystem(TimeSpan flushDelay, string? failOn = null) : ISiteFileSystem
    {
        private readonly SiteFileSystem _disk = new();
        private readonly ConcurrentDictionary<string, bool> _flushed = new(StringComparer.Ordinal);

        public int TempsWritten { get; private set; }

        public int FlushedBeforeJournal { get; private set; } = -1;

        public bool FileExists(string path) => _disk.FileExists(path);

        public bool DirectoryExists(string path) => _disk.DirectoryExists(path);

        public bool IsReadOnly(string path) => _disk.IsReadOnly(path);

        public IEnumerable<string> EnumerateFiles(string directory) => _disk.EnumerateFiles(directory);

        public string ReadAllText(string path) => _disk.ReadAllText(path);

        public void CreateDirectory(string path) => _disk.CreateDirectory(path);

        public string WriteTemp(string target, string content)
        {
            Count(target);
            return _disk.WriteTemp(target, content);
        }

        public string WriteTemp(string target, byte[] content)
        {
            Count(target);
            return _disk.WriteTemp(target, content);
        }

        private void Count(string target)
        {
            if (Path.GetFileName(target) == SiteJournal.FileName)
            {
                FlushedBeforeJournal = _flushed.Count;
            }
            else
            {
                TempsWritten++;
            }
        }

        public void FlushToDisk(IReadOnlyList<string> paths)
        {
            Thread.Sleep(flushDelay);
            if (failOn is not null && paths.Any(p => p.Contains(failOn, StringComparison.Ordinal)))
            {
                throw new IOException("injected: the disk did not take the file");
            }

            _disk.FlushToDisk(paths);
            foreach (var path in paths)
            {
                _flushed[path] = true;
            }
        }

        public void Move(string source, string target) => _disk.Move(source, target);

        public void DeleteFile(string path) => _disk.DeleteFile(path);

        public void DeleteDirectory(string path) => _disk.DeleteDirectory(path);
    }
}
