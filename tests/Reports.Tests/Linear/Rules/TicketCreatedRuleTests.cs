using Reports.Linear;
using static Reports.Tests.Linear.Rules.LinearWeek;

namespace Reports.Tests.Linear.Rules;

/// <summary>
/// docs/rules.md "Ticket created": a Linear issue whose creator is the student, created in the
/// window (compared as instants in the course time zone); a sub-issue when it has a parent.
/// </summary>
public sealed class TicketCreatedRuleTests
{
    private static readonly Dictionary<string, (Action<LinearWeek> Arrange, bool Created)> Table = new()
    {
        ["created by the student in the window"] = (w => w.Issue(Student, At(25, 10)), true),
        ["created by the student on the last local day at 23:59 (+07:00)"] = (w => w.Issue(Student, At(30, 23, 59)), true),
        ["created by the student at local midnight that starts the window, written in UTC"] =
            (w => w.Issue(Student, new DateTimeOffset(2025, 3, 23, 17, 0, 0, TimeSpan.Zero)), true),
        ["created by the student a second before the window, written in UTC"] =
            (w => w.Issue(Student, new DateTimeOffset(2025, 3, 23, 16, 59, 59, TimeSpan.Zero)), false),
        ["created by the student at the instant the window ends, written in UTC"] =
            (w => w.Issue(Student, new DateTimeOffset(2025, 3, 30, 17, 0, 0, TimeSpan.Zero)), false),
        ["created by the student on the Sunday in UTC but Monday in Jakarta"] =
            (w => w.Issue(Student, new DateTimeOffset(2025, 3, 30, 18, 30, 0, TimeSpan.Zero)), false),
        ["created by a teammate in the window"] = (w => w.Issue(Teammate, At(25, 10)), false),
        ["created by an integration (no creator) in the window"] = (w => w.Issue(createdAt: At(25, 10), noCreator: true), false),
        ["created by the student before the window"] = (w => w.Issue(Student, At(20, 10)), false),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_ticket_is_created_by_the_rules(string rule)
    {
        var (arrange, created) = Table[rule];
        var week = new LinearWeek();
        arrange(week);

        var tickets = week.Apply().Tickets;

        Assert.Equal(created ? 1 : 0, tickets.Count(t => t.CreatedInWindow));
        Assert.Equal(created ? 1 : 0, tickets.Count);
    }

    [Fact]
    public void A_ticket_created_before_the_window_and_groomed_in_it_is_groomed_only()
    {
        var week = new LinearWeek();
        week.Issue(Student, At(17, 9)).Created(Student, At(17, 9)).Changed(Student, At(26, 11), e => e with { FromEstimate = 2, ToEstimate = 3 });

        var ticket = Assert.Single(week.Apply().Tickets);

        Assert.False(ticket.CreatedInWindow);
        Assert.Equal("estimate", Assert.Single(ticket.Grooming).Field);
        Assert.Null(ticket.Description);
    }

    [Fact]
    public void A_ticket_created_by_a_teammate_is_not_the_students_even_when_the_student_moved_it()
    {
        var week = new LinearWeek();
        week.Issue(Teammate, At(25, 9)).Created(Teammate, At(25, 9)).Moved(Student, At(26, 9), Todo, InProgress);

        var ticket = Assert.Single(week.Apply().Tickets);
        var teammates = Assert.Single(week.Apply(TeammateConfig).Tickets);

        Assert.False(ticket.CreatedInWindow);
        Assert.Single(ticket.StatusChanges);
        Assert.True(teammates.CreatedInWindow);
        Assert.Empty(teammates.StatusChanges);
    }

    [Fact]
    public void A_created_ticket_carries_its_parent_description_state_and_merge_request_links()
    {
        var week = new LinearWeek();
        week.Issue(Student, At(27, 10), i => i with
        {
            Title = "BDD: invoice lifecycle scenarios",
            Description = "Scenario: paying an open invoice\n  Scenario Outline: refund of <amount>\n",
            State = Backlog,
            Parent = new LinearIssueRef { Id = "issue-parent", Identifier = "SIRA-120", Title = "Invoice management", Url = "https://linear.app/sira/issue/SIRA-120" },
            Attachments =
            [
                new LinearAttachment { Url = "https://gitlab.example.com/ppl/sira-backend/-/merge_requests/7", SourceType = "gitlab" },
                new LinearAttachment { Url = "https://slack.com/archives/C1/p1", SourceType = "slack" },
            ],
        });

        var ticket = Assert.Single(week.Apply().Tickets);

        Assert.True(ticket.CreatedInWindow);
        Assert.Equal(new Reports.Model.TicketRef("SIRA-120", "Invoice management", "https://linear.app/sira/issue/SIRA-120"), ticket.Parent);
        Assert.Equal("Backlog", ticket.State);
        Assert.Equal(At(27, 10), ticket.CreatedAt);
        Assert.Contains("Scenario Outline: refund", ticket.Description, StringComparison.Ordinal);
        Assert.Equal(["https://gitlab.example.com/ppl/sira-backend/-/merge_requests/7"], ticket.AttachmentUrls);
    }
}
