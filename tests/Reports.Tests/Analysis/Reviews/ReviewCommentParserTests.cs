using Reports.Analysis.Reviews;
using Reports.Config;
using Reports.Model;

namespace Reports.Tests.Analysis.Reviews;

/// <summary>One-line marker forms; the corpus covers whole real-shaped comments.</summary>
public sealed class ReviewCommentParserTests
{
    private static readonly ReviewCommentParser Parser = new(ConfigSchema.Review.DefaultLevels);

    [Theory]
    [InlineData("P0: guard missing", "P0", null, "guard missing")]
    [InlineData("P1:guard missing", "P1", null, "guard missing")]
    [InlineData("*P2*: guard missing", "P2", null, "guard missing")]
    [InlineData("(P1) guard missing", "P1", null, "guard missing")]
    [InlineData("P1 issue: guard missing", "P1", "issue", "guard missing")]
    [InlineData("**P0: Missing guard:**", "P0", null, "Missing guard")]
    [InlineData("**P0: Fix** the thing", "P0", null, "Fix the thing")]
    [InlineData("**P2**: *italic* start", "P2", null, "*italic* start")]
    [InlineData("**P1** - **issue (blocking)**: guard missing", "P1", "issue", "guard missing")]
    [InlineData("### **P0**: guard missing", "P0", null, "guard missing")]
    [InlineData("1. P2 – guard missing", "P2", null, "guard missing")]
    [InlineData("* P3: rename", "P3", null, "rename")]
    [InlineData(":warning: P1: guard missing", "P1", null, "guard missing")]
    [InlineData("Priority: P2 - slow query", "P2", null, "slow query")]
    [InlineData("P2 - improvement: slow query", "P2", null, "slow query")]
    [InlineData("P0 - Critical bug in auth", "P0", null, "Critical bug in auth")]
    [InlineData("suggestion(non-blocking): extract", null, "suggestion", "extract")]
    [InlineData("Suggestion: P2: extract", "P2", "suggestion", "extract")]
    [InlineData("issue: fix my_var_name", null, "issue", "fix my_var_name")]
    [InlineData("P1 and P2 differ", null, null, "P1 and P2 differ")]
    [InlineData("P10: not a level", null, null, "P10: not a level")]
    [InlineData("P2P sync breaks", null, null, "P2P sync breaks")]
    [InlineData("Note that the nitpick: part is wrong", null, null, "Note that the nitpick: part is wrong")]
    [InlineData("NB: guard missing", null, null, "NB: guard missing")]
    [InlineData("see https://example.com/p1: here", null, null, "see https://example.com/p1: here")]
    [InlineData("![screenshot](/uploads/abc/shot.png) the button overlaps", null, null, "![screenshot](/uploads/abc/shot.png) the button overlaps")]
    [InlineData("", null, null, "")]
    [InlineData("   \r\n  ", null, null, "")]
    public void Leading_markers_are_read_from_the_first_line(string body, string? severity, string? label, string title)
    {
        var parsed = Parser.Parse(body);

        Assert.Equal(severity, parsed.Severity?.ToString());
        Assert.Equal(label, parsed.Label);
        Assert.Equal(title, parsed.Title);
    }

    [Fact]
    public void Label_alone_on_its_line_takes_the_title_from_the_next_line()
    {
        var parsed = Parser.Parse("question (non-blocking):\n\nWhy 120 seconds?\n\nMigrations maybe?");

        Assert.Equal("question", parsed.Label);
        Assert.Equal(["non-blocking"], parsed.Decorations);
        Assert.Equal("Why 120 seconds?", parsed.Title);
        Assert.Equal("Migrations maybe?", parsed.Details);
    }

    [Fact]
    public void Praise_comment_is_praise()
    {
        Assert.True(Parser.Parse("**praise:** great tests").IsPraise);
        Assert.False(Parser.Parse("P1: this deserves praise: but").IsPraise);
    }

    [Fact]
    public void Lone_carriage_returns_are_line_breaks_too()
    {
        var parsed = Parser.Parse("P1: title\r```py\rx = 1\r```\rafter");

        Assert.Equal("title", parsed.Title);
        Assert.Equal("x = 1", Assert.Single(parsed.Fixes).Code);
        Assert.Equal("after", parsed.Details);
    }

    [Fact]
    public void Backtick_fence_with_a_backtick_in_its_info_string_is_not_a_fence()
    {
        var parsed = Parser.Parse("P3: use ```inline``` sparingly\n``` a`b\nstill prose");

        Assert.Empty(parsed.Fixes);
        Assert.Contains("still prose", parsed.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_fence_must_be_as_long_as_the_opening_one()
    {
        var parsed = Parser.Parse("P2: t\n````md\n```\ninner\n```\n````\nafter");

        Assert.Equal("```\ninner\n```", Assert.Single(parsed.Fixes).Code);
        Assert.Equal("after", parsed.Details);
    }

    [Fact]
    public void Details_keep_the_markdown_of_the_body_including_hard_line_breaks()
    {
        var parsed = Parser.Parse("P1: t\n\nline one  \nline **two**\n\n```py\nx\n```\n\n\n- item");

        Assert.Equal("line one  \nline **two**\n\n- item", parsed.Details);
    }
}
