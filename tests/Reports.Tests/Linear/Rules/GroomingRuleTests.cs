using Reports.Linear;
using Reports.Model;
using static Reports.Tests.Linear.Rules.LinearWeek;

namespace Reports.Tests.Linear.Rules;

/// <summary>
/// docs/rules.md "Groomed": history entries in the window by the student that change the estimate,
/// priority, title, description, labels, parent or cycle.
/// </summary>
public sealed class GroomingRuleTests
{
    private static readonly LinearIssueRef Epic = new() { Id = "issue-epic", Identifier = "SIRA-100" };
    private static readonly LinearCycle Cycle3 = new() { Id = "cycle-3", Number = 3 };

    private static readonly Dictionary<string, (Func<LinearHistoryEntry, LinearHistoryEntry> Change, string? Field)> Table = new()
    {
        ["estimate set"] = (e => e with { ToEstimate = 3 }, "estimate"),
        ["estimate changed"] = (e => e with { FromEstimate = 3, ToEstimate = 5 }, "estimate"),
        ["priority changed"] = (e => e with { FromPriority = 0, ToPriority = 2 }, "priority"),
        ["title changed"] = (e => e with { FromTitle = "Invoice pdf", ToTitle = "Invoice PDF export" }, "title"),
        ["description changed"] = (e => e with { UpdatedDescription = true }, "description"),
        ["label added"] = (e => e with { AddedLabelIds = ["label-bug"] }, "labels"),
        ["label removed"] = (e => e with { RemovedLabelIds = ["label-ui"] }, "labels"),
        ["parent set"] = (e => e with { ToParent = Epic }, "parent"),
        ["cycle set"] = (e => e with { ToCycle = Cycle3 }, "cycle"),
        ["assignee changed is not grooming"] = (e => e, null),
        ["the same estimate on both sides is no change"] = (e => e with { FromEstimate = 3, ToEstimate = 3 }, null),
        ["empty label lists are no change"] = (e => e with { AddedLabelIds = [], RemovedLabelIds = [] }, null),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Grooming_counts_the_planning_fields_the_student_changed(string rule)
    {
        var (change, field) = Table[rule];
        var week = new LinearWeek();
        week.Issue(Teammate, At(10, 9)).Changed(Student, At(26, 10), change);

        var tickets = week.Apply().Tickets;

        Assert.Equal(field is null ? [] : [field], tickets.SelectMany(t => t.Grooming).Select(g => g.Field));
    }

    private static readonly Dictionary<string, (Action<DraftIssue> Arrange, int Edits)> Whose = new()
    {
        ["by the student in the window"] = (i => i.Changed(Student, At(26, 10), e => e with { ToEstimate = 3 }), 1),
        ["by a teammate"] = (i => i.Changed(Teammate, At(26, 10), e => e with { ToEstimate = 3 }), 0),
        ["by an integration"] = (i => i.Changed(null, At(26, 10), e => e with { AddedLabelIds = ["label-bug"] }, GitLabIntegration), 0),
        ["by the student before the window"] = (i => i.Changed(Student, At(23, 12), e => e with { ToEstimate = 3 }), 0),
        ["by the student on the last local day, written in UTC"] =
            (i => i.Changed(Student, new DateTimeOffset(2025, 3, 30, 16, 59, 0, TimeSpan.Zero), e => e with { ToEstimate = 3 }), 1),
        ["in the creation entry, which is not an edit"] =
            (i => i.Changed(Student, At(26, 10), e => e with { ToState = Todo, ToEstimate = 3, ToPriority = 2 }), 0),
    };

    public static TheoryData<string> WhoseRules => [.. Whose.Keys];

    [Theory]
    [MemberData(nameof(WhoseRules))]
    public void Only_the_students_own_edits_in_the_window_are_grooming(string rule)
    {
        var (arrange, edits) = Whose[rule];
        var week = new LinearWeek();
        arrange(week.Issue(Teammate, At(10, 9)));

        Assert.Equal(edits, week.Apply().Tickets.Sum(t => t.Grooming.Count));
    }

    [Fact]
    public void One_entry_that_changes_two_fields_is_two_edits_with_readable_values()
    {
        var week = new LinearWeek();
        week.Issue(Teammate, At(10, 9), i => i with { Labels = [new LinearLabel { Id = "label-bug", Name = "Bug" }] })
            .Changed(Student, At(26, 10), e => e with { FromPriority = 0, ToPriority = 2, AddedLabelIds = ["label-bug", "label-gone"], FromCycle = null, ToCycle = Cycle3 });

        var grooming = Assert.Single(week.Apply().Tickets).Grooming;

        Assert.Equal(
            [new GroomingChange(At(26, 10), "cycle", null, "Cycle 3"), new GroomingChange(At(26, 10), "labels", null, "Bug"), new GroomingChange(At(26, 10), "priority", "No priority", "High")],
            grooming);
    }
}
