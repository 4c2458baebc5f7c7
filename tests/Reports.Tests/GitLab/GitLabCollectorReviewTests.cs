using Reports.Fakes;
using static Reports.Tests.GitLab.CollectorScenario;

namespace Reports.Tests.GitLab;

public sealed class GitLabCollectorReviewTests
{
    [Fact]
    public async Task A_thread_the_student_starts_on_a_teammates_merge_request_in_the_window_is_a_review_thread()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest(m => m.Title = "Paging for tickets");
        var thread = mr.AddThread(s.Student, "P1: off by one in the last page", At(25, 10), new FakePosition("src/Pager.cs", 42));

        var activity = await s.CollectAsync();

        var review = Assert.Single(activity.Reviews);
        Assert.Equal("ppl/sira-backend", review.MergeRequest.Project);
        Assert.Equal("Paging for tickets", review.MergeRequest.Title);
        Assert.Equal("alice", review.MergeRequest.Author.Username);
        var found = Assert.Single(review.Threads);
        Assert.Equal(thread.Id, found.DiscussionId);
        Assert.Equal(thread.Notes[0].Id, found.NoteId);
        Assert.Equal("P1: off by one in the last page", found.Body);
        Assert.Equal($"{review.MergeRequest.WebUrl}#note_{thread.Notes[0].Id}", found.Url);
        Assert.Equal("src/Pager.cs", found.FilePath);
        Assert.Equal(42, found.Line);
        Assert.Equal(At(25, 10), found.CreatedAt);
    }

    [Theory]
    [InlineData("2025-03-30T23:59:00+07:00", true)]
    [InlineData("2025-03-30T16:59:59Z", true)]
    [InlineData("2025-03-31T00:00:00+07:00", false)]
    [InlineData("2025-03-30T17:00:00Z", false)]
    [InlineData("2025-03-24T00:00:00+07:00", true)]
    [InlineData("2025-03-23T23:59:59+07:00", false)]
    public async Task Window_edges_are_local_midnight_to_midnight_compared_as_instants(string at, bool counted)
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest(m => m.CreatedAt = At(20, 9));
        mr.AddThread(s.Student, "P2: edge", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        var activity = await s.CollectAsync();

        Assert.Equal(counted, activity.Reviews.Any(r => r.Threads.Count == 1));
    }

    [Fact]
    public async Task A_stand_alone_note_by_the_student_is_a_summary_note_not_a_thread()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        mr.AddNote(s.Student, "Summary\n\nPositives:\n- clear tests", At(26, 20));

        var review = Assert.Single((await s.CollectAsync()).Reviews);

        Assert.Empty(review.Threads);
        Assert.Equal("Summary\n\nPositives:\n- clear tests", Assert.Single(review.SummaryNotes).Body);
    }

    [Fact]
    public async Task Replies_in_threads_others_started_are_replies_not_threads()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        mr.AddThread(s.Teammate, "Should this be async?", At(25, 9)).Reply(s.Student, "Yes, it blocks the request thread", At(25, 11));
        mr.AddThread(s.Student, "P2: naming", At(25, 12)).Reply(s.Student, "also here", At(25, 13));

        var review = Assert.Single((await s.CollectAsync()).Reviews);

        Assert.Equal("P2: naming", Assert.Single(review.Threads).Body);
        Assert.Equal("Yes, it blocks the request thread", Assert.Single(review.Replies).Body);
    }

    [Fact]
    public async Task The_students_threads_and_replies_on_their_own_merge_request_are_not_reviews()
    {
        await using var s = await StartAsync();
        var mr = s.OwnMergeRequest();
        mr.AddThread(s.Student, "P1: note to self", At(25, 10));
        mr.AddThread(s.Teammate, "P2: rename", At(25, 11)).Reply(s.Student, "done", At(25, 12));

        var activity = await s.CollectAsync();

        Assert.Empty(activity.Reviews);
        Assert.Equal(mr.Iid, Assert.Single(activity.AuthoredMergeRequests).Iid);
    }

    [Fact]
    public async Task System_notes_by_the_student_are_never_findings_or_summaries()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        mr.AddSystemNote(s.Student, "approved this merge request", At(25, 10));
        var systemThread = mr.AddThread(s.Student, "changed this line in version 2 of the diff", At(25, 11));
        systemThread.Notes[0].System = true;

        var activity = await s.CollectAsync();

        Assert.Empty(activity.Reviews);
    }

    [Fact]
    public async Task Bot_notes_are_automation_and_not_review()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        mr.AddThread(s.Student, "P2: missing test", At(25, 10));
        mr.AddNote(s.Bot, "SonarQube: quality gate passed", At(25, 9));
        mr.AddThread(s.Bot, "P0: secret committed", At(25, 9, 30));
        s.TeammateMergeRequest().AddNote(s.Bot, "on a merge request the report does not cite", At(25, 9));

        var activity = await s.CollectAsync();

        var review = Assert.Single(activity.Reviews);
        Assert.Equal("P2: missing test", Assert.Single(review.Threads).Body);
        Assert.Equal(["SonarQube: quality gate passed", "P0: secret committed"], activity.Automation.Select(a => a.Note.Body));
        Assert.All(activity.Automation, a => Assert.Equal("sirabot", a.Author.Username));
        Assert.All(activity.Automation, a => Assert.Equal(mr.Iid, a.MergeRequest.Iid));
    }

    [Fact]
    public async Task A_thread_started_before_the_window_is_not_counted_even_with_activity_in_it()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest(m => m.CreatedAt = At(20, 9));
        mr.AddThread(s.Student, "P1: old finding", At(21, 9)).Reply(s.Teammate, "fixed now", At(25, 9)).Resolve(s.Teammate, At(25, 9));

        var activity = await s.CollectAsync();

        Assert.Empty(activity.Reviews);
    }

    [Fact]
    public async Task Resolution_and_resolved_at_are_carried_and_a_missing_resolved_at_stays_unknown()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        mr.AddThread(s.Student, "P1: a", At(25, 10)).Resolve(s.Teammate, At(25, 15));
        mr.AddThread(s.Student, "P2: b", At(25, 11)).Resolve(s.Teammate, At(25, 15), recordTime: false);
        mr.AddThread(s.Student, "P3: c", At(25, 12));

        var threads = Assert.Single((await s.CollectAsync()).Reviews).Threads;

        Assert.True(threads[0].Resolved);
        Assert.Equal(At(25, 15), threads[0].ResolvedAt);
        Assert.True(threads[1].Resolved);
        Assert.Null(threads[1].ResolvedAt);
        Assert.False(threads[2].Resolved);
    }

    [Fact]
    public async Task More_than_twenty_threads_on_one_merge_request_are_all_found()
    {
        await using var s = await StartAsync();
        var mr = s.TeammateMergeRequest();
        for (var i = 0; i < 27; i++)
        {
            mr.AddThread(s.Student, $"P3: nit {i}", At(25, 10).AddMinutes(i));
        }

        var review = Assert.Single((await s.CollectAsync()).Reviews);

        Assert.Equal(27, review.Threads.Count);
    }
}
