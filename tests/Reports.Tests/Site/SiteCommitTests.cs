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
}
