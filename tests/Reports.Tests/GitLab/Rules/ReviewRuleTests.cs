using System.Globalization;
using static Reports.Tests.GitLab.Rules.FetchedWeek;

namespace Reports.Tests.GitLab.Rules;

/// <summary>docs/rules.md: review findings, summary notes and replies, on in-memory merge requests.</summary>
public sealed class ReviewRuleTests
{
    /// <summary>What is on the merge requests, and how many threads, summary notes and replies of the student's it makes.</summary>
    private static readonly Dictionary<string, (Action<FetchedWeek> Arrange, int Threads, int Summaries, int Replies)> Table = new()
    {
        ["a thread the student starts on a teammate's merge request in the window"] =
            (w => w.TeammateMergeRequest().AddThread(Student, "P1: off by one", At(25, 10)), 1, 0, 0),
        ["a praise thread, which analysis reads as a positive"] =
            (w => w.TeammateMergeRequest().AddThread(Student, "praise: clear tests", At(25, 10)), 1, 0, 0),
        ["a thread by the student's username in another case"] =
            (w => w.TeammateMergeRequest().AddThread(Student with { Username = "AbhiPraya" }, "P2: naming", At(25, 10)), 1, 0, 0),
        ["a thread the student starts on their own merge request"] =
            (w => w.OwnMergeRequest().AddThread(Student, "P1: note to self", At(25, 10)), 0, 0, 0),
        ["a thread a teammate starts"] =
            (w => w.TeammateMergeRequest().AddThread(Teammate, "P1: mine", At(25, 10)), 0, 0, 0),
        ["a thread started before the window with replies and resolution in it"] =
            (w => w.TeammateMergeRequest(m => m with { CreatedAt = At(20, 9) }).AddThread(Student, "P1: old", At(21, 9)).Reply(Teammate, "fixed now", At(25, 9)).Resolve(Teammate, At(25, 9)), 0, 0, 0),
        ["a thread whose first note is a system note"] =
            (w => w.TeammateMergeRequest().AddThread(Student, "changed this line in version 2 of the diff", At(25, 11)).AsSystem(), 0, 0, 0),
        ["a thread by the student when the student's account is listed as a bot"] =
            (w => { w.Bots = ["abhipraya"]; w.TeammateMergeRequest().AddThread(Student, "P1: x", At(25, 10)); }, 0, 0, 0),
        ["a stand-alone note by the student on a teammate's merge request"] =
            (w => w.TeammateMergeRequest().AddNote(Student, "Summary\n\nPositives:\n- clear tests", At(26, 20)), 0, 1, 0),
        ["a stand-alone note before the window"] =
            (w => w.TeammateMergeRequest().AddNote(Student, "Summary", At(23, 20)), 0, 0, 0),
        ["a stand-alone note on the student's own merge request"] =
            (w => w.OwnMergeRequest().AddNote(Student, "Summary", At(26, 20)), 0, 0, 0),
        ["a system note by the student"] =
            (w => w.TeammateMergeRequest().AddNote(Student, "approved this merge request", At(25, 10), system: true), 0, 0, 0),
        ["a reply in a thread a teammate started"] =
            (w => w.TeammateMergeRequest().AddThread(Teammate, "Should this be async?", At(25, 9)).Reply(Student, "Yes", At(25, 11)), 0, 0, 1),
        ["a reply before the window in a thread a teammate started"] =
            (w => w.TeammateMergeRequest(m => m with { CreatedAt = At(20, 9) }).AddThread(Teammate, "Async?", At(21, 9)).Reply(Student, "Yes", At(23, 11)), 0, 0, 0),
        ["a reply in the student's own thread, which stays one thread"] =
            (w => w.TeammateMergeRequest().AddThread(Student, "P2: naming", At(25, 12)).Reply(Student, "also here", At(25, 13)), 1, 0, 0),
        ["a reply on the student's own merge request"] =
            (w => w.OwnMergeRequest().AddThread(Teammate, "P2: rename", At(25, 11)).Reply(Student, "done", At(25, 12)), 0, 0, 0),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void What_the_student_wrote_counts_as_threads_summaries_or_replies_by_the_rules(string rule)
    {
        var (arrange, threads, summaries, replies) = Table[rule];
        var week = new FetchedWeek();
        arrange(week);

        var reviews = week.Apply().Reviews;

        Assert.Equal(
            (threads, summaries, replies),
            (reviews.Sum(r => r.Threads.Count), reviews.Sum(r => r.SummaryNotes.Count), reviews.Sum(r => r.Replies.Count)));
    }

    [Theory]
    [InlineData("2025-03-30T23:59:00+07:00", true)]
    [InlineData("2025-03-30T16:59:59Z", true)]
    [InlineData("2025-03-31T00:00:00+07:00", false)]
    [InlineData("2025-03-30T17:00:00Z", false)]
    [InlineData("2025-03-24T00:00:00+07:00", true)]
    [InlineData("2025-03-23T23:59:59+07:00", false)]
    public void Window_edges_are_local_midnight_to_midnight_compared_as_instants(string at, bool counted)
    {
        var week = new FetchedWeek();
        week.TeammateMergeRequest(m => m with { CreatedAt = At(20, 9) }).AddThread(Student, "P2: edge", DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));

        Assert.Equal(counted, week.Apply().Reviews.Any(r => r.Threads.Count == 1));
    }

    [Fact]
    public void A_review_thread_carries_its_merge_request_ids_body_link_position_and_time()
    {
        var week = new FetchedWeek();
        var mr = week.TeammateMergeRequest(m => m with { Title = "Paging for tickets" });
        var thread = mr.AddThread(Student, "P1: off by one in the last page", At(25, 10), "src/Pager.cs", 42);

        var review = Assert.Single(week.Apply().Reviews);

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

    [Fact]
    public void Resolution_and_resolved_at_are_carried_and_a_missing_resolved_at_stays_unknown()
    {
        var week = new FetchedWeek();
        var mr = week.TeammateMergeRequest();
        mr.AddThread(Student, "P1: a", At(25, 10)).Reply(Teammate, "done", At(25, 14)).Resolve(Teammate, At(25, 15));
        mr.AddThread(Student, "P2: b", At(25, 11)).Resolve(Teammate, At(25, 15), recordTime: false);
        mr.AddThread(Student, "P3: c", At(25, 12));

        var threads = Assert.Single(week.Apply().Reviews).Threads;

        Assert.True(threads[0].Resolved);
        Assert.Equal(At(25, 15), threads[0].ResolvedAt);
        Assert.True(threads[1].Resolved);
        Assert.Null(threads[1].ResolvedAt);
        Assert.False(threads[2].Resolved);
        Assert.Null(threads[2].ResolvedAt);
    }

    [Fact]
    public void A_thread_with_one_resolvable_note_still_open_is_not_resolved()
    {
        var week = new FetchedWeek();
        var thread = week.TeammateMergeRequest().AddThread(Student, "P1: a", At(25, 10)).Reply(Teammate, "on it", At(25, 14));
        thread.Notes[0] = thread.Notes[0] with { Resolved = true, ResolvedAt = At(25, 15) };

        Assert.False(Assert.Single(Assert.Single(week.Apply().Reviews).Threads).Resolved);
    }
}
