using static Reports.Tests.GitLab.Rules.FetchedWeek;

namespace Reports.Tests.GitLab.Rules;

/// <summary>docs/rules.md: notes by <c>gitlab.bots</c> accounts are automation, reported apart from review, on the merge requests the report cites.</summary>
public sealed class AutomationRuleTests
{
    private static readonly Dictionary<string, (Action<FetchedWeek> Arrange, int Notes)> Table = new()
    {
        ["a bot's note on a merge request the student reviewed"] = (w => Reviewed(w).AddNote(Bot, "SonarQube: quality gate passed", At(25, 9)), 1),
        ["a bot's thread on a merge request the student reviewed"] = (w => Reviewed(w).AddThread(Bot, "P0: secret committed", At(25, 9)), 1),
        ["a bot's note on a merge request the student merged"] = (w => w.TeammateMergeRequest().Merge(Student, At(27, 16)).AddNote(Bot, "deployed", At(27, 17)), 1),
        ["a bot's note on the student's own merge request with activity"] = (w => w.OwnMergeRequest().AddNote(Bot, "pipeline passed", At(25, 9)), 1),
        ["a bot account listed in another case"] = (w => { w.Bots = ["SIRABOT"]; Reviewed(w).AddNote(Bot, "checked", At(25, 9)); }, 1),
        ["a bot's note on a merge request the report does not cite"] = (w => w.TeammateMergeRequest().AddNote(Bot, "elsewhere", At(25, 9)), 0),
        ["a bot's system note"] = (w => Reviewed(w).AddNote(Bot, "added 1 commit", At(25, 9), system: true), 0),
        ["a bot's note before the window"] = (w => Reviewed(w).AddNote(Bot, "old", At(23, 9)), 0),
        ["a teammate's note, with no bots configured"] = (w => { w.Bots = []; Reviewed(w).AddNote(Bot, "not a bot now", At(25, 9)); }, 0),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Bot_notes_are_automation_by_the_rules(string rule)
    {
        var (arrange, notes) = Table[rule];
        var week = new FetchedWeek();
        arrange(week);

        var snapshot = week.Apply();

        Assert.Equal(notes, snapshot.Automation.Count);
        Assert.All(snapshot.Reviews, r => Assert.All(r.Threads, t => Assert.Equal("P2: missing test", t.Body)));
    }

    [Fact]
    public void Automation_names_the_bot_and_the_merge_request_in_time_order()
    {
        var week = new FetchedWeek();
        var mr = Reviewed(week);
        mr.AddThread(Bot, "P0: secret committed", At(25, 9, 30));
        mr.AddNote(Bot, "SonarQube: quality gate passed", At(25, 9));

        var automation = week.Apply().Automation;

        Assert.Equal(["SonarQube: quality gate passed", "P0: secret committed"], automation.Select(a => a.Note.Body));
        Assert.All(automation, a => Assert.Equal("sirabot", a.Author.Username));
        Assert.All(automation, a => Assert.Equal(mr.Iid, a.MergeRequest.Iid));
    }

    private static DraftMergeRequest Reviewed(FetchedWeek week)
    {
        var mr = week.TeammateMergeRequest();
        mr.AddThread(Student, "P2: missing test", At(25, 10));
        return mr;
    }
}
