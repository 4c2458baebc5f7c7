using static Reports.Tests.GitLab.Rules.FetchedWeek;

namespace Reports.Tests.GitLab.Rules;

/// <summary>
/// docs/rules.md: a direct contribution is a commit on an MR authored by someone else,
/// authored in the window, whose author email is one of the student's (case-insensitive).
/// </summary>
public sealed class ContributionRuleTests
{
    private static readonly Dictionary<string, (Action<FetchedWeek> Arrange, bool Counted)> Table = new()
    {
        ["one of the student's emails in another case"] = (w => w.TeammateMergeRequest().AddCommit("ABHIPRAYA@example.COM", "fix", At(26, 14)), true),
        ["the student's GitLab no-reply email, as an applied suggestion has"] =
            (w => w.TeammateMergeRequest().AddCommit("abhi@users.noreply.gitlab.com", "Apply 1 suggestion(s) to 1 file(s)", At(26, 14)), true),
        ["the student's email with spaces around it"] = (w => w.TeammateMergeRequest().AddCommit(" abhipraya@example.com ", "fix", At(26, 14)), true),
        ["authored at the instant the window starts"] = (w => w.TeammateMergeRequest().AddCommit("abhipraya@example.com", "fix", Start), true),
        ["a teammate's email"] = (w => w.TeammateMergeRequest().AddCommit("alice@example.com", "fix", At(26, 14)), false),
        ["no author email"] = (w => w.TeammateMergeRequest().AddCommit(null, "fix", At(26, 14)), false),
        ["authored before the window"] = (w => w.TeammateMergeRequest().AddCommit("abhipraya@example.com", "before", At(23, 23, 59)), false),
        ["authored at the instant the window ends"] = (w => w.TeammateMergeRequest().AddCommit("abhipraya@example.com", "after", End), false),
        ["on the student's own merge request"] = (w => w.OwnMergeRequest().AddCommit("abhipraya@example.com", "own work", At(26, 10)), false),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_commit_counts_as_a_contribution_by_the_rules(string rule)
    {
        var (arrange, counted) = Table[rule];
        var week = new FetchedWeek();
        arrange(week);

        Assert.Equal(counted ? 1 : 0, week.Apply().Contributions.Sum(c => c.Commits.Count));
    }

    [Fact]
    public void A_contribution_carries_its_merge_request_and_the_commits_sha_title_time_and_link()
    {
        var week = new FetchedWeek();
        var mr = week.TeammateMergeRequest();
        var commit = mr.AddCommit("abhipraya@example.com", "Fix flaky pager test", At(26, 14));
        mr.AddCommit("alice@example.com", "Add pager", At(25, 14));

        var contribution = Assert.Single(week.Apply().Contributions);

        Assert.Equal(mr.Iid, contribution.MergeRequest.Iid);
        var found = Assert.Single(contribution.Commits);
        Assert.Equal(commit.Id, found.Sha);
        Assert.Equal("Fix flaky pager test", found.Title);
        Assert.Equal(At(26, 14), found.AuthoredAt);
        Assert.Equal($"https://gitlab.example.com/ppl/sira-backend/-/commit/{commit.Id}", found.Url);
    }

    [Fact]
    public void A_commit_link_from_gitlab_is_kept_as_given()
    {
        var week = new FetchedWeek();
        week.TeammateMergeRequest().AddCommit("abhipraya@example.com", "fix", At(26, 14), webUrl: "https://gitlab.example.com/x/-/commit/abc");

        Assert.Equal("https://gitlab.example.com/x/-/commit/abc", Assert.Single(Assert.Single(week.Apply().Contributions).Commits).Url);
    }
}
