using static Reports.Tests.GitLab.Rules.FetchedWeek;

namespace Reports.Tests.GitLab.Rules;

/// <summary>The student's own merge requests are listed when they were opened or merged in the window, or saw commits or human notes then.</summary>
public sealed class AuthoredRuleTests
{
    private static readonly Dictionary<string, (Action<FetchedWeek> Arrange, bool Listed)> Table = new()
    {
        ["opened in the window"] = (w => w.OwnMergeRequest(), true),
        ["opened before, with a commit in the window"] = (w => Old(w).AddCommit("abhipraya@example.com", "more work", At(26, 10)), true),
        ["opened before, with a teammate's note in the window"] = (w => Old(w).AddThread(Teammate, "P2: rename", At(26, 10)), true),
        ["opened before, merged in the window"] = (w => Old(w).Merge(Teammate, At(26, 10)), true),
        ["opened before, with only a bot's note in the window"] = (w => Old(w).AddNote(Bot, "pipeline passed", At(26, 10)), false),
        ["opened before, with only a system note in the window"] = (w => Old(w).AddNote(Teammate, "approved this merge request", At(26, 10), system: true), false),
        ["opened before, with activity only before the window"] = (w => Old(w).AddCommit("abhipraya@example.com", "early", At(12, 10)), false),
        ["a teammate's merge request opened in the window"] = (w => w.TeammateMergeRequest(), false),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_students_own_merge_request_is_listed_by_the_rules(string rule)
    {
        var (arrange, listed) = Table[rule];
        var week = new FetchedWeek();
        arrange(week);

        var snapshot = week.Apply();

        Assert.Equal(listed ? 1 : 0, snapshot.AuthoredMergeRequests.Count);
        Assert.Empty(snapshot.Reviews);
        Assert.Empty(snapshot.Contributions);
    }

    private static DraftMergeRequest Old(FetchedWeek week) => week.OwnMergeRequest(m => m with { CreatedAt = At(10, 9) });
}
