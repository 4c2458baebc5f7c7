using System.Text.Json.Nodes;
using Reports.Fakes;
using Reports.Linear;
using Reports.Model;
using static Reports.Tests.Linear.LinearScenario;

namespace Reports.Tests.Linear;

/// <summary>docs/cache.md: an issue's history entry says what it is, and one that does not say this issue in this format is read again.</summary>
public sealed class IssueHistoryCacheTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "evidence-history-cache-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    public static TheoryData<string> Tampered => new()
    {
        "another issue's entry under this one's name",
        "an entry of format 99",
        "an entry without a format (written before format 2)",
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task An_entry_that_is_not_this_issues_in_this_format_is_read_again_and_the_report_is_right(string tampered)
    {
        await using var s = await StartAsync();
        var mine = s.Fake.AddIssue(s.Team, s.Student, i => { i.CreatedAt = At(20, 9); i.UpdatedAt = At(26, 12); });
        mine.AddHistory(new FakeLinearHistory { CreatedAt = At(26, 9), Actor = s.Student, FromState = FakeLinearState.Todo, ToState = FakeLinearState.InProgress });
        var other = s.Fake.AddIssue(s.Team, s.Student, i => { i.CreatedAt = At(20, 10); i.UpdatedAt = At(26, 12); });
        other.AddHistory(new FakeLinearHistory { CreatedAt = At(25, 9), Actor = s.Student, FromState = FakeLinearState.Todo, ToState = FakeLinearState.Done });
        other.AddHistory(new FakeLinearHistory { CreatedAt = At(25, 10), Actor = s.Student, FromPriority = 0, ToPriority = 1 });
        var cache = new IssueHistoryCache(_cache);
        await s.CollectAsync(cache: cache);
        var mineFile = Directory.EnumerateFiles(_cache, mine.Id + ".json", SearchOption.AllDirectories).Single();

        // Every case carries the other issue's history, so an entry used as is shows in the report.
        var entry = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(mineFile)!, other.Id + ".json")))!.AsObject();
        switch (tampered)
        {
            case "an entry of format 99":
                entry["issueId"] = mine.Id;
                entry["format"] = 99;
                break;
            case "an entry without a format (written before format 2)":
                entry = new JsonObject { ["updatedAt"] = entry["updatedAt"]!.DeepClone(), ["history"] = entry["history"]!.DeepClone() };
                break;
        }

        File.WriteAllText(mineFile, entry.ToJsonString());
        s.Fake.ResetLog();

        var snapshot = await s.CollectAsync(cache: cache);

        var batch = Assert.Single(s.Fake.Requests, r => r.OperationName == "IssueHistoryBatch");
        Assert.Equal([mine.Id], batch.Variables!.Value.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        var ticket = snapshot.Tickets.Single(t => t.Identifier == mine.Identifier);
        Assert.Equal([new StatusChange(At(26, 9), "Todo", "In Progress")], ticket.StatusChanges);
        Assert.Empty(ticket.Grooming);
        Assert.Equal(IssueHistoryCache.Format, JsonNode.Parse(File.ReadAllText(mineFile))!["format"]!.GetValue<int>());
    }
}
