using Reports.Files;
using Reports.GitLab;
using Reports.Tests.Support;

namespace Reports.Tests.Files;

public sealed class TempFileTests
{
    private static readonly Uri Instance = new("https://gitlab.example.com");
    private static readonly DateTimeOffset UpdatedAt = new(2025, 3, 25, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_temp_file_is_hidden_beside_its_target_and_only_names_made_so_are_ours()
    {
        using var work = new TempDirectory();

        var temp = TempFile.WriteBeside(work.Combine("report.md"), "text");

        Assert.Equal(work.Path, Path.GetDirectoryName(temp));
        Assert.Matches(@"^\.report\.md\.evidence-[0-9a-f]{32}\.tmp$", Path.GetFileName(temp));
        Assert.Equal("text", File.ReadAllText(temp));
        Assert.True(TempFile.IsOurs(Path.GetFileName(temp)));
        Assert.All(
            [".report.md.tmp", "report.md.evidence-0123456789abcdef0123456789abcdef.tmp", ".report.md.evidence-1234.tmp", ".report.md.0123456789abcdef0123456789abcdef.tmp"],
            name => Assert.False(TempFile.IsOurs(name), name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void A_page_larger_than_the_write_buffer_is_written_as_utf8_without_a_bom_and_no_character_is_split(int shift)
    {
        using var work = new TempDirectory();

        // A 4-byte character (two UTF-16 chars), accents and CJK text across many 32 KB buffers, shifted
        // so that some character straddles a buffer's end; a lone surrogate is written as U+FFFD.
        var text = new string('a', shift) + string.Concat(Enumerable.Repeat("café 😀 報告 ", 20_000)) + "\ud800 end";

        var temp = TempFile.WriteBeside(work.Combine("index.html"), text);

        var expected = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        Assert.Equal(expected, File.ReadAllBytes(temp));
        Assert.EndsWith("\ufffd end", File.ReadAllText(temp), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cache_writes_through_a_temp_file_and_leaves_none_behind()
    {
        using var work = new TempDirectory();
        var cache = new MergeRequestCache(work.Path);

        await cache.WriteAsync(Instance, "ppl/sira", 5, UpdatedAt, [], []);

        Assert.NotNull(await cache.TryReadAsync(Instance, "ppl/sira", 5, UpdatedAt));
        Assert.Equal(["5.json"], Directory.EnumerateFiles(work.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_cache_write_that_fails_is_not_an_error_and_leaves_no_temp_file()
    {
        using var work = new TempDirectory();
        var entry = work.Combine("gitlab", "gitlab.example.com", "ppl_sira", "5.json");
        Directory.CreateDirectory(entry);
        var cache = new MergeRequestCache(work.Path);

        await cache.WriteAsync(Instance, "ppl/sira", 5, UpdatedAt, [], []);

        Assert.True(Directory.Exists(entry));
        Assert.Empty(Directory.EnumerateFiles(work.Path, "*", SearchOption.AllDirectories));
        Assert.Null(await cache.TryReadAsync(Instance, "ppl/sira", 5, UpdatedAt));
    }
}
