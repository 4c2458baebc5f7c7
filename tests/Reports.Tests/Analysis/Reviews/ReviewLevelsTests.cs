using Reports.Analysis.Reviews;
using Reports.Config;
using Reports.Model;

namespace Reports.Tests.Analysis.Reviews;

/// <summary>The review.levels table: labels (and words like "Critical:") map to P-levels; nothing is guessed.</summary>
public sealed class ReviewLevelsTests
{
    private static ParsedComment Parse(string body, IReadOnlyDictionary<string, Severity>? levels = null) =>
        new ReviewCommentParser(levels ?? ConfigSchema.Review.DefaultLevels).Parse(body);

    [Fact]
    public void Critical_maps_to_P0_when_the_table_says_critical_is_P0()
    {
        var parsed = Parse("Critical: token printed in CI log", new Dictionary<string, Severity> { ["critical"] = Severity.P0 });

        Assert.Equal(Severity.P0, parsed.Severity);
        Assert.Equal("critical", parsed.Label);
        Assert.Equal("token printed in CI log", parsed.Title);
    }

    [Fact]
    public void Table_keys_match_labels_in_any_case()
    {
        var parsed = Parse("**IMPORTANT:** cache key ignores the filter", new Dictionary<string, Severity> { ["Important"] = Severity.P1 });

        Assert.Equal(Severity.P1, parsed.Severity);
        Assert.Equal("important", parsed.Label);
    }

    [Fact]
    public void Nitpick_is_P3_with_the_default_table()
    {
        Assert.Equal(Severity.P3, Parse("nitpick (non-blocking): extra blank line").Severity);
    }

    [Fact]
    public void Unmapped_suggestion_stays_ungraded()
    {
        var parsed = Parse("suggestion (non-blocking): extract a function");

        Assert.Null(parsed.Severity);
        Assert.Equal("suggestion", parsed.Label);
    }

    [Fact]
    public void Mapped_suggestion_takes_its_level_from_the_table()
    {
        Assert.Equal(Severity.P2, Parse("suggestion: extract a function", new Dictionary<string, Severity> { ["suggestion"] = Severity.P2 }).Severity);
    }

    [Fact]
    public void Explicit_P_level_wins_over_the_table()
    {
        Assert.Equal(Severity.P1, Parse("**P1** nitpick: wrong variable", ConfigSchema.Review.DefaultLevels).Severity);
    }

    [Fact]
    public void Critical_is_not_a_label_without_a_table_entry()
    {
        var parsed = Parse("Critical: token printed in CI log");

        Assert.Null(parsed.Severity);
        Assert.Null(parsed.Label);
        Assert.Equal("Critical: token printed in CI log", parsed.Title);
    }

    [Fact]
    public void Empty_table_leaves_nitpick_ungraded()
    {
        Assert.Null(Parse("nitpick: typo", new Dictionary<string, Severity>()).Severity);
    }

    [Theory]
    [InlineData("P0", "P0")]
    [InlineData(" p3 ", "P3")]
    public void Severity_text_parses_in_any_case(string text, string expected)
    {
        Assert.True(Severities.TryParse(text, out var severity));
        Assert.Equal(expected, severity.ToString());
    }

    [Theory]
    [InlineData("P4")]
    [InlineData("1")]
    [InlineData("high")]
    [InlineData(null)]
    public void Severity_text_outside_P0_to_P3_does_not_parse(string? text)
    {
        Assert.False(Severities.TryParse(text, out _));
    }
}
