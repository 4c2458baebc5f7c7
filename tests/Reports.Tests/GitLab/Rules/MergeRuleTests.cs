using static Reports.Tests.GitLab.Rules.FetchedWeek;

namespace Reports.Tests.GitLab.Rules;

/// <summary>docs/rules.md: a merge is an MR whose <c>merge_user</c> (fallback <c>merged_by</c>) is the student, merged in the window.</summary>
public sealed class MergeRuleTests
{
    private static readonly Dictionary<string, (Action<FetchedWeek> Arrange, bool Counted)> Table = new()
    {
        ["merged by the student in the window"] = (w => w.TeammateMergeRequest().Merge(Student, At(27, 16)), true),
        ["merged by the student, read from merged_by when merge_user is absent"] = (w => w.TeammateMergeRequest().Merge(Student, At(27, 16), legacy: true), true),
        ["the student's own merge request merged by the student"] = (w => w.OwnMergeRequest().Merge(Student, At(27, 16)), true),
        ["merged by a teammate"] = (w => w.TeammateMergeRequest().Merge(Teammate, At(27, 16)), false),
        ["merge_user a teammate and merged_by the student: merge_user wins"] =
            (w => { var mr = w.TeammateMergeRequest().Merge(Teammate, At(27, 16)); mr.Raw = mr.Raw with { MergedBy = Student }; }, false),
        ["merged by the student before the window, updated in it"] =
            (w => w.TeammateMergeRequest(m => m with { CreatedAt = At(20, 9), UpdatedAt = At(25, 9) }).Merge(Student, At(23, 23, 59)), false),
        ["merged by the student at the instant the window ends"] = (w => w.TeammateMergeRequest().Merge(Student, End), false),
        ["merged by the student with no merge time"] =
            (w => { var mr = w.TeammateMergeRequest().Merge(Student, At(27, 16)); mr.Raw = mr.Raw with { MergedAt = null }; }, false),
        ["open, with the student as neither merger"] = (w => w.TeammateMergeRequest(), false),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_merge_counts_by_the_rules(string rule)
    {
        var (arrange, counted) = Table[rule];
        var week = new FetchedWeek();
        arrange(week);

        Assert.Equal(counted ? 1 : 0, week.Apply().Merges.Count);
    }

    [Fact]
    public void A_merge_carries_who_merged_when_and_the_state()
    {
        var week = new FetchedWeek();
        var mr = week.TeammateMergeRequest().Merge(Student, At(27, 16), legacy: true);

        var merge = Assert.Single(week.Apply().Merges);

        Assert.Equal(mr.Iid, merge.Iid);
        Assert.Equal("abhipraya", merge.MergedBy!.Username);
        Assert.Equal(At(27, 16), merge.MergedAt);
        Assert.Equal("merged", merge.State);
    }
}
