using Reports.Analysis;
using Reports.Analysis.Reviews;
using Reports.Config;
using Reports.Model;

namespace Reports.Tests.Analysis;

/// <summary>The typed level behind the "P0" … "P3" text that templates see.</summary>
public sealed class SeverityTests
{
    private static readonly DateTimeOffset Posted = new(2025, 3, 25, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Finding_shows_its_parsed_comment_without_copying_it()
    {
        var comment = new ReviewCommentParser(ConfigSchema.Review.DefaultLevels).Parse("**P1** issue (blocking): token in the log\n\nMask it.");

        var finding = new Finding { Comment = comment, Url = "https://gitlab.example/mr/1#note_1", CreatedAt = Posted };

        Assert.Equal((Severity.P1, "P1"), (finding.Level, finding.Severity));
        Assert.Equal(("issue", "token in the log", "Mask it."), (finding.Label, finding.Title, finding.Details));
        Assert.Same(comment.Decorations, finding.Decorations);
    }

    [Fact]
    public void Finding_given_its_level_as_text_keeps_it_typed_and_refuses_other_text()
    {
        var finding = new Finding { Severity = "p2", Title = "slow query", Url = "https://gitlab.example/mr/1#note_2", CreatedAt = Posted };

        Assert.Equal((Severity.P2, "P2", "slow query"), (finding.Comment.Severity, finding.Severity, finding.Comment.Title));
        Assert.Throws<ArgumentException>(() => new Finding { Severity = "high", Title = "x", Url = "https://gitlab.example", CreatedAt = Posted });
    }

    [Theory]
    [InlineData("P0", "P0", "blocker")]
    [InlineData("P1", "P1", "important")]
    [InlineData("P2", "P2", "improvement")]
    [InlineData("P3", "P3", "nitpick")]
    [InlineData(null, "ungraded", "ungraded")]
    public void Group_key_and_name_come_from_its_level(string? level, string key, string name)
    {
        var group = new SeverityGroup(level is null ? null : Enum.Parse<Severity>(level), []);

        Assert.Equal((key, name), (group.Key, group.Name));
    }

    [Fact]
    public void Week_metrics_read_each_level_from_the_counts_and_total_them_with_the_ungraded()
    {
        var metrics = new WeekMetrics { Graded = new Dictionary<Severity, int> { [Severity.P0] = 2, [Severity.P3] = 1 }, Ungraded = 4 };

        Assert.Equal((2, 0, 0, 1, 7), (metrics.P0, metrics.P1, metrics.P2, metrics.P3, metrics.Findings));
    }
}
