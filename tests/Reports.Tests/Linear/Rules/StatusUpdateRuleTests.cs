using static Reports.Tests.Linear.Rules.LinearWeek;

namespace Reports.Tests.Linear.Rules;

/// <summary>
/// docs/rules.md "Status update": a history entry in the window whose actor is the student and that
/// moves the issue between workflow states; not the creation entry, not an integration's move.
/// </summary>
public sealed class StatusUpdateRuleTests
{
    private static readonly Dictionary<string, (Action<DraftIssue> Arrange, int Updates)> Table = new()
    {
        ["the student moves Todo to In Progress in the window"] = (i => i.Moved(Student, At(26, 10), Todo, InProgress), 1),
        ["two moves by the student are two updates"] = (i => i.Moved(Student, At(26, 10), Todo, InProgress).Moved(Student, At(27, 10), InProgress, InReview), 2),
        ["the creation entry (a state set, none left) is not a status update"] = (i => i.Created(Student, At(26, 10)), 0),
        ["a move by a teammate"] = (i => i.Moved(Teammate, At(26, 10), Todo, InProgress), 0),
        ["a move by the GitLab integration (no actor, a bot actor) when the MR merged"] = (i => i.Moved(null, At(28, 17), InReview, Done, GitLabIntegration), 0),
        ["a move an integration made in the student's name (actor and bot actor)"] = (i => i.Moved(Student, At(28, 17), InReview, Done, GitLabIntegration), 0),
        ["a move by the student before the window"] = (i => i.Moved(Student, At(23, 23, 59), Todo, InProgress), 0),
        ["a move by the student at 23:59 on the last local day"] = (i => i.Moved(Student, At(30, 23, 59), InReview, Done), 1),
        ["a move by the student at the instant the window ends, written in UTC"] =
            (i => i.Moved(Student, new DateTimeOffset(2025, 3, 30, 17, 0, 0, TimeSpan.Zero), InReview, Done), 0),
        ["a move by the student at the first instant of the window, written in UTC"] =
            (i => i.Moved(Student, new DateTimeOffset(2025, 3, 23, 17, 0, 0, TimeSpan.Zero), InReview, Done), 1),
        ["an estimate change by the student is not a status update"] = (i => i.Changed(Student, At(26, 10), e => e with { FromEstimate = 1, ToEstimate = 2 }), 0),
    };

    public static TheoryData<string> Rules => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_status_update_counts_by_the_rules(string rule)
    {
        var (arrange, updates) = Table[rule];
        var week = new LinearWeek();
        arrange(week.Issue(Teammate, At(10, 9)));

        var tickets = week.Apply().Tickets;

        Assert.Equal(updates, tickets.Sum(t => t.StatusChanges.Count));
    }

    [Fact]
    public void A_status_update_says_when_and_between_which_states_oldest_first()
    {
        var week = new LinearWeek();
        week.Issue(Teammate, At(10, 9)).Moved(Student, At(26, 10), Todo, InProgress).Moved(Student, At(28, 9), InProgress, InReview);

        var ticket = Assert.Single(week.Apply().Tickets);

        Assert.Equal([new(At(26, 10), "Todo", "In Progress"), new(At(28, 9), "In Progress", "In Review")], ticket.StatusChanges);
        Assert.Empty(ticket.Grooming);
    }
}
