using static Reports.Tests.GitLab.CollectorScenario;

namespace Reports.Tests.GitLab;

public sealed class GitLabCollectorMergeAndCommitTests
{
    [Fact]
    public async Task A_merge_request_merged_by_the_student_in_the_window_is_a_merge()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest(m => m.Merge(s.Student, At(27, 16)));
        s.TeammateMergeRequest(m => m.Merge(s.Teammate, At(27, 17)));

        var merge = Assert.Single((await s.CollectAsync()).Merges);

        Assert.Equal(mr.Iid, merge.Iid);
        Assert.Equal("abhipraya", merge.MergedBy!.Username);
        Assert.Equal(At(27, 16), merge.MergedAt);
        Assert.Equal("merged", merge.State);
    }

    [Fact]
    public async Task Without_merge_user_the_merger_is_read_from_merged_by()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest(m => m.Merge(s.Student, At(27, 16), legacy: true));

        var merge = Assert.Single((await s.CollectAsync()).Merges);

        Assert.Equal(mr.Iid, merge.Iid);
        Assert.Equal("abhipraya", merge.MergedBy!.Username);
    }

    [Fact]
    public async Task Merge_user_wins_over_merged_by_when_both_are_present()
    {
        await using var s = await StartAsync();
        s.TeammateMergeRequest(m =>
        {
            m.Merge(s.Teammate, At(27, 16));
            m.MergedBy = s.Student;
        });

        Assert.Empty((await s.CollectAsync()).Merges);
    }

    [Fact]
    public async Task A_merge_before_the_window_is_not_counted_even_if_the_merge_request_was_updated_in_it()
    {
        await using var s = await StartAsync();
        s.TeammateMergeRequest(m =>
        {
            m.CreatedAt = At(20, 9);
            m.Merge(s.Student, At(23, 23, 59));
            m.UpdatedAt = At(25, 9);
        });

        Assert.Empty((await s.CollectAsync()).Merges);
    }

    [Fact]
    public async Task A_commit_by_one_of_the_students_emails_on_a_teammates_merge_request_is_a_contribution_ignoring_case()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        var commit = mr.AddCommit("ABHIPRAYA@example.COM", "Fix flaky pager test", At(26, 14));
        mr.AddCommit("alice@example.com", "Add pager", At(25, 14));

        var contribution = Assert.Single((await s.CollectAsync()).Contributions);

        Assert.Equal(mr.Iid, contribution.MergeRequest.Iid);
        var found = Assert.Single(contribution.Commits);
        Assert.Equal(commit.Sha, found.Sha);
        Assert.Equal("Fix flaky pager test", found.Title);
        Assert.Equal(At(26, 14), found.AuthoredAt);
        Assert.EndsWith($"/ppl/sira-backend/-/commit/{commit.Sha}", found.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applied_suggestion_commit_authored_by_the_student_counts()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        var applied = mr.AddCommit("abhi@users.noreply.gitlab.com", "Apply 1 suggestion(s) to 1 file(s)", At(26, 14), "Abhipraya");
        applied.CommittedDate = At(26, 15);

        var contribution = Assert.Single((await s.CollectAsync()).Contributions);

        Assert.Equal("Apply 1 suggestion(s) to 1 file(s)", Assert.Single(contribution.Commits).Title);
    }

    [Fact]
    public async Task Commits_outside_the_window_or_on_the_students_own_merge_request_are_not_contributions()
    {
        await using var s = await StartAsync();
        s.TeammateMergeRequest().AddCommit("abhipraya@example.com", "before", At(23, 23, 59));
        s.TeammateMergeRequest().AddCommit("abhipraya@example.com", "after", new DateTimeOffset(2025, 3, 31, 0, 0, 0, Jakarta));
        s.OwnMergeRequest().AddCommit("abhipraya@example.com", "own work", At(26, 10));

        var activity = await s.CollectAsync();

        Assert.Empty(activity.Contributions);
    }

    [Fact]
    public async Task The_students_own_merge_requests_with_activity_in_the_window_are_listed()
    {
        await using var s = await StartAsync();
        var opened = s.OwnMergeRequest(m => m.Title = "opened this week");
        var committed = s.OwnMergeRequest(m => m.CreatedAt = At(10, 9));
        committed.AddCommit("abhipraya@example.com", "more work", At(26, 10));
        var quiet = s.OwnMergeRequest(m => m.CreatedAt = At(10, 9));
        quiet.AddNote(s.Bot, "pipeline passed", At(26, 10));

        var authored = (await s.CollectAsync()).AuthoredMergeRequests;

        Assert.Equal([opened.Iid, committed.Iid], authored.Select(m => m.Iid));
    }

    [Fact]
    public async Task Projects_given_by_numeric_id_are_reported_by_their_full_path_and_several_projects_are_read()
    {
        await using var s = await StartAsync();
        var frontend = s.Fake.AddProject("ppl/sira-frontend");
        s.TeammateMergeRequest(m => m.Merge(s.Student, At(27, 16)));
        s.Fake.AddMergeRequest(frontend, s.Teammate, m =>
        {
            m.CreatedAt = At(24, 9);
            m.Merge(s.Student, At(28, 16));
        });

        var merges = (await s.CollectAsync(["ppl/sira-backend", frontend.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])).Merges;

        Assert.Equal(["ppl/sira-backend", "ppl/sira-frontend"], merges.Select(m => m.Project));
    }
}
