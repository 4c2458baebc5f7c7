using Reports.Analysis.Reviews;
using Reports.Config;

namespace Reports.Tests.Analysis.Reviews;

/// <summary>Fenced blocks of a review comment as CommonMark (and GitLab) reads them, not as lines that look like fences.</summary>
public sealed class CommentFenceTests
{
    private static readonly ReviewCommentParser Parser = new(ConfigSchema.Review.DefaultLevels);

    [Fact]
    public void Fence_opened_on_a_list_marker_line_is_a_fix_and_leaves_the_prose()
    {
        var parsed = Parser.Parse("P2: two options\n\n- ```py\n  x = 1\n  ```\n- keep it as is");

        var fix = Assert.Single(parsed.Fixes);
        Assert.Equal(("py", "x = 1"), (fix.Language, fix.Code));
        Assert.Equal("- keep it as is", parsed.Details);
    }

    [Fact]
    public void Code_quoted_from_someone_else_is_not_a_fix()
    {
        var parsed = Parser.Parse("> ```py\n> retry()\n> ```\n\nP1: this retry never stops");

        Assert.Equal("this retry never stops", parsed.Title);
        Assert.Empty(parsed.Fixes);
    }

    [Fact]
    public void Fence_indented_as_code_is_code_not_a_fix()
    {
        var parsed = Parser.Parse("P3: the docs show\n\n    ```\n    make\n    ```");

        Assert.Empty(parsed.Fixes);
        Assert.Equal("    ```\n    make\n    ```", parsed.Details);
    }

    [Fact]
    public void Tilde_fence_inside_a_list_item_ends_with_the_item()
    {
        var parsed = Parser.Parse("suggestion: guard it\n\n1. like this:\n   ~~~ts\n   if (!id) return;\nthen the rest");

        var fix = Assert.Single(parsed.Fixes);
        Assert.Equal(("ts", "if (!id) return;"), (fix.Language, fix.Code));
        Assert.Equal("1. like this:\nthen the rest", parsed.Details);
    }
}
