using Reports.Model;
using static Reports.Tests.GitLab.Rules.FetchedWeek;

namespace Reports.Tests.GitLab.Rules;

/// <summary>One fetch of a window serves every student: the rules read it and never change it.</summary>
public sealed class FetchThenRulesTests
{
    [Fact]
    public void One_fetched_window_gives_each_student_only_their_own_facts()
    {
        var week = new FetchedWeek();
        week.TeammateMergeRequest().AddThread(Student, "P1: alice's bug", At(25, 10));
        var own = week.OwnMergeRequest();
        own.AddThread(Teammate, "P2: abhipraya's naming", At(25, 11));
        own.AddCommit("alice@example.com", "fix naming", At(25, 12));
        own.Merge(Teammate, At(26, 9));
        var fetched = week.Fetched();

        var student = Apply(fetched, StudentConfig);
        var teammate = Apply(fetched, TeammateConfig);

        Assert.Equal("P1: alice's bug", Assert.Single(Assert.Single(student.Reviews).Threads).Body);
        Assert.Equal(own.Iid, Assert.Single(student.AuthoredMergeRequests).Iid);
        Assert.Empty(student.Merges);
        Assert.Equal("P2: abhipraya's naming", Assert.Single(Assert.Single(teammate.Reviews).Threads).Body);
        Assert.Equal("fix naming", Assert.Single(Assert.Single(teammate.Contributions).Commits).Title);
        Assert.Equal(own.Iid, Assert.Single(teammate.Merges).Iid);
    }

    [Fact]
    public void Applying_the_same_students_rules_twice_to_one_fetch_gives_the_same_snapshot()
    {
        var week = new FetchedWeek();
        week.TeammateMergeRequest().Merge(Student, At(27, 16)).AddThread(Student, "P1: x", At(25, 10));
        week.TeammateMergeRequest().AddCommit("abhipraya@example.com", "fix", At(26, 10));
        var fetched = week.Fetched();

        var first = SnapshotSerializer.Serialize(Apply(fetched, StudentConfig));
        var second = SnapshotSerializer.Serialize(Apply(fetched, StudentConfig));

        Assert.Equal(first, second);
        Assert.Contains("P1: x", first, StringComparison.Ordinal);
    }
}
