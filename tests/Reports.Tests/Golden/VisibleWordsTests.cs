using Reports.Tests.Support;

namespace Reports.Tests.Golden;

public sealed class VisibleWordsTests
{
    [Theory]
    [InlineData("one two three", 3)]
    [InlineData("a [link text](https://example.com/very/long/target) b", 4)]
    [InlineData("before\n\n```bash\nnot counted at all\n```\n\nafter", 2)]
    [InlineData("<details><summary>Two words</summary>\n\nhidden text here\n\n<details><summary>inner</summary>\n\nx\n\n</details>\n\n</details>\n\nend", 3)]
    [InlineData("| MR | Topic |\n|---|---|\n| !1 | Fix it |", 5)]
    public void Counts_what_a_reader_sees_as_the_issue_defines_it(string markdown, int words)
    {
        Assert.Equal(words, VisibleWords.Count(markdown));
    }
}
