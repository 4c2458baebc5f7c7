using Reports.Analysis;
using Reports.Linear;
using Reports.Notes;
using static Reports.Tests.Linear.Rules.LinearWeek;

namespace Reports.Tests.Linear.Rules;

/// <summary>
/// docs/rules.md "Ticket created": a sub-issue's planned scenarios are the lines of its description
/// that start with <c>Scenario:</c> or <c>Scenario Outline:</c> (after leading spaces).
/// </summary>
public sealed class PlannedScenarioRuleTests
{
    private static readonly Dictionary<string, (string? Description, int Scenarios)> Table = new()
    {
        ["two Scenario: lines"] = ("Scenario: paying an open invoice\nScenario: paying twice", 2),
        ["Scenario Outline: counts, indented lines count"] = ("Feature: refunds\n  Scenario Outline: refund of <amount>\n    Given an invoice", 1),
        ["Windows line ends"] = ("Scenario: a\r\nScenario: b\r\n", 2),
        ["Scenarios: (plural) is a heading, not a scenario"] = ("Scenarios:\n- paying", 0),
        ["a scenario in a list item does not start the line"] = ("- Scenario: in a list", 0),
        ["lower-case scenario: is not Gherkin"] = ("scenario: lower case", 0),
        ["steps and examples are not scenarios"] = ("Given an open invoice\nWhen I pay\nExamples:\n| amount |", 0),
        ["no description"] = (null, 0),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_sub_issue_plans_the_scenarios_its_description_lists(string rule)
    {
        var (description, scenarios) = Table[rule];
        var week = new LinearWeek();
        week.Issue(Student, At(29, 10), i => i with { Description = description, Parent = Parent });

        var tickets = Report(week).Tickets;

        var subIssue = Assert.Single(tickets.SubIssues);
        Assert.Equal(scenarios, subIssue.Scenarios.Count);
        Assert.Equal(scenarios, tickets.PlannedScenarioCount);
    }

    [Fact]
    public void Scenarios_of_several_sub_issues_add_up_and_a_ticket_without_parent_plans_none()
    {
        var week = new LinearWeek();
        week.Issue(Student, At(29, 10), i => i with { Description = "Scenario: a\nScenario: b", Parent = Parent });
        week.Issue(Student, At(29, 11), i => i with { Description = "Scenario Outline: c", Parent = Parent });
        week.Issue(Student, At(29, 12), i => i with { Description = "Scenario: not planning" });

        var tickets = Report(week).Tickets;

        Assert.Equal(2, tickets.SubIssues.Count);
        Assert.Equal(3, tickets.PlannedScenarioCount);
        Assert.Single(tickets.Created);
    }

    [Fact]
    public void A_sub_issue_the_student_only_groomed_plans_nothing_for_them()
    {
        var week = new LinearWeek();
        week.Issue(Teammate, At(29, 10), i => i with { Description = "Scenario: a", Parent = Parent })
            .Changed(Student, At(29, 11), e => e with { UpdatedDescription = true });

        var tickets = Report(week).Tickets;

        Assert.Empty(tickets.SubIssues);
        Assert.Equal(0, tickets.PlannedScenarioCount);
        Assert.Single(tickets.Groomed);
    }

    private static readonly LinearIssueRef Parent = new() { Id = "issue-parent", Identifier = "SIRA-120", Title = "Invoice management", Url = "https://linear.app/sira/issue/SIRA-120" };

    private static ReportModel Report(LinearWeek week) =>
        new ReportBuilder(Reports.Config.ConfigSchema.Review.DefaultLevels).Build(week.Apply(), NarrativeNotes.Empty);
}
