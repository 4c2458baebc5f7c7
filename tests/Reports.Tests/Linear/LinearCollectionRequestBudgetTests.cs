using Reports.Fakes;
using Reports.Linear;
using Reports.Model;
using static Reports.Tests.Linear.LinearScenario;

namespace Reports.Tests.Linear;

/// <summary>
/// How many Linear requests a week costs: set by pages of candidates and batches of changed issues,
/// never one per ticket; a warm re-run over unchanged issues makes only the listing requests. Wall
/// time is measured by the benchmark (<c>bench/Reports.Benchmarks</c>), never here.
/// </summary>
public sealed class LinearCollectionRequestBudgetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evidence-linear-budget-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Cold_collection_of_200_candidates_costs_pages_and_batches_and_warm_only_the_listings()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 200; i++)
        {
            var issue = s.Fake.AddIssue(s.Team, i % 2 == 0 ? s.Student : s.Teammate, x => x.CreatedAt = At(24, 9).AddMinutes(i));
            issue.AddHistory(new FakeLinearHistory { CreatedAt = issue.CreatedAt, Actor = issue.Creator, ToState = FakeLinearState.Backlog });
            issue.AddHistory(new FakeLinearHistory { CreatedAt = At(26, 9).AddMinutes(i), Actor = s.Student, FromState = FakeLinearState.Backlog, ToState = FakeLinearState.Todo });
        }

        var cache = new IssueHistoryCache(_folder);

        var cold = await s.CollectAsync(cache: cache);
        var coldCounts = Counts(s.Fake);
        s.Fake.ResetLog();
        var warm = await s.CollectAsync(cache: cache);
        var warmCounts = Counts(s.Fake);

        Assert.Equal(200, cold.Tickets.Count);
        Assert.Equal(100, cold.Tickets.Count(t => t.CreatedInWindow));
        Assert.Equal(200, cold.Tickets.Sum(t => t.StatusChanges.Count));

        // Teams 1 + accounts 1 + candidates 200 / 50 + histories 200 / 10.
        Assert.Equal(new Dictionary<string, int> { ["Teams"] = 1, ["UsersByEmails"] = 1, ["CandidateIssues"] = 4, ["IssueHistoryBatch"] = 20 }, coldCounts);
        Assert.Equal(new Dictionary<string, int> { ["Teams"] = 1, ["UsersByEmails"] = 1, ["CandidateIssues"] = 4 }, warmCounts);
        Assert.Equal(SnapshotSerializer.Serialize(cold), SnapshotSerializer.Serialize(warm));
    }

    [Fact]
    public async Task A_history_longer_than_one_page_is_continued_for_that_issue_alone()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 15; i++)
        {
            s.Fake.AddIssue(s.Team, s.Student, x => x.CreatedAt = At(24, 9).AddMinutes(i));
        }

        var busy = s.Fake.AddIssue(s.Team, s.Teammate, x => x.CreatedAt = At(10, 9));
        for (var i = 0; i < 120; i++)
        {
            busy.AddHistory(new FakeLinearHistory { CreatedAt = At(25, 9).AddMinutes(i), Actor = s.Student, FromTitle = $"t{i}", ToTitle = $"t{i + 1}" });
        }

        var snapshot = await s.CollectAsync();

        Assert.Equal(2, s.Fake.Count("IssueHistoryBatch"));
        Assert.Equal(1, s.Fake.Count("IssueHistoryPage"));
        Assert.Equal(120, snapshot.Tickets.Single(t => t.Identifier == busy.Identifier).Grooming.Count);
    }

    private static Dictionary<string, int> Counts(FakeLinear fake) =>
        fake.Requests.GroupBy(r => r.OperationName ?? "?").ToDictionary(g => g.Key, g => g.Count());
}
