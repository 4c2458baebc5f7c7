using Reports.Linear;
using Reports.Model;
using Reports.Sources;
using static Reports.Tests.Linear.Rules.LinearWeek;

namespace Reports.Tests.Linear.Rules;

/// <summary>
/// docs/rules.md "Ticket ↔ merge request link": an identifier of a configured team in the merge
/// request's source branch, title or description, or a Linear attachment whose URL is the merge
/// request's. Tickets the report's merge requests point at, other than the student's own, are kept
/// as referenced tickets; those not among the candidates are read in one batch.
/// </summary>
public sealed class TicketLinkRuleTests
{
    private const string MergeRequestUrl = "https://gitlab.example.com/ppl/sira-backend/-/merge_requests/7";

    private static readonly Dictionary<string, (Func<MergeRequestRef, MergeRequestRef> Change, string[] Named)> Texts = new()
    {
        ["identifier in the source branch, lower case"] = (m => m with { SourceBranch = "sira-125-cancel-invoice" }, ["SIRA-125"]),
        ["identifier in the title"] = (m => m with { Title = "SIRA-125 Cancel invoice" }, ["SIRA-125"]),
        ["identifier in the description with a magic word"] = (m => m with { Description = "Closes SIRA-125, part of SIRA-120." }, ["SIRA-125", "SIRA-120"]),
        ["identifier after a slash in the branch"] = (m => m with { SourceBranch = "feature/SIRA-125" }, ["SIRA-125"]),
        ["UTF-8 and SHA-256 are not tickets of team SIRA"] = (m => m with { Title = "Read files as UTF-8, hash with SHA-256" }, []),
        ["a key inside a longer word is not an identifier"] = (m => m with { Title = "XSIRA-125 and SIRA-12a" }, ["SIRA-12"]),
        ["a team that is not configured"] = (m => m with { Title = "OPS-9 deploy" }, []),
        ["no identifier at all"] = (m => m, []),
    };

    public static TheoryData<string> TextRules => [.. Texts.Keys];

    [Theory]
    [MemberData(nameof(TextRules))]
    public void Identifiers_of_the_configured_teams_are_found_in_branch_title_and_description(string rule)
    {
        var (change, named) = Texts[rule];

        var found = TicketMentions.Find(TicketMentions.Texts(change(MergeRequest())), ["SIRA"]);

        Assert.Equal(named, found);
    }

    [Theory]
    [InlineData("SIRA-125 Cancel invoice", "SIRA-125", true)]
    [InlineData("sira-125 cancel invoice", "SIRA-125", true)]
    [InlineData("SIRA-1250 Other work", "SIRA-125", false)]
    [InlineData("SIRA-12 Other work", "SIRA-125", false)]
    [InlineData("XSIRA-125", "SIRA-125", false)]
    public void A_ticket_is_named_only_as_a_whole_identifier(string title, string identifier, bool named)
    {
        Assert.Equal(named, TicketMentions.Names(MergeRequest() with { Title = title }, identifier));
    }

    [Fact]
    public void A_Linear_attachment_with_the_merge_requests_url_links_it_whatever_the_texts_say()
    {
        Assert.True(TicketMentions.Links("SIRA-9", [MergeRequestUrl.ToUpperInvariant() + "/"], MergeRequest()));
        Assert.False(TicketMentions.Links("SIRA-9", [MergeRequestUrl + "0"], MergeRequest()));
    }

    [Fact]
    public async Task Tickets_the_merge_requests_point_at_become_referenced_tickets_except_the_students_own()
    {
        var week = new LinearWeek();
        var own = week.Issue(Student, At(25, 9));
        var attached = week.Issue(Teammate, At(10, 9), i => i with { State = Done, Attachments = [new LinearAttachment { Url = MergeRequestUrl }] });
        var named = week.Issue(Teammate, At(10, 9), i => i with { State = InReview });
        var lookUps = new List<IReadOnlyCollection<string>>();
        var fetched = week.Fetched() with { LookUp = LookUp(lookUps, "SIRA-7") };
        var snapshot = Builder(fetched, StudentConfig);
        snapshot.Merges.Add(MergeRequest() with { Title = $"{own.Identifier} {named.Identifier} and SIRA-7", Description = "SIRA-404 does not exist" });

        await fetched.CompleteAsync([(StudentConfig, snapshot)], progress: null, CancellationToken.None);
        var result = snapshot.Build();

        Assert.Equal([own.Identifier], result.Tickets.Select(t => t.Identifier));
        Assert.Equal(["SIRA-7", attached.Identifier, named.Identifier], result.ReferencedTickets!.Select(t => t.Identifier));
        Assert.Equal(["Done", "In Review"], result.ReferencedTickets!.Skip(1).Select(t => t.State));
        Assert.Equal([MergeRequestUrl], result.ReferencedTickets![1].AttachmentUrls);
        Assert.Equal(["SIRA-7", "SIRA-404"], Assert.Single(lookUps));
    }

    [Fact]
    public async Task A_team_is_completed_with_one_look_up_for_every_student_together()
    {
        var week = new LinearWeek();
        var lookUps = new List<IReadOnlyCollection<string>>();
        var fetched = week.Fetched() with { LookUp = LookUp(lookUps, "SIRA-7", "SIRA-8") };
        var student = Builder(fetched, StudentConfig);
        var teammate = Builder(fetched, TeammateConfig);
        student.Merges.Add(MergeRequest() with { SourceBranch = "sira-7-login" });
        teammate.AuthoredMergeRequests.Add(MergeRequest() with { SourceBranch = "sira-8-logout", WebUrl = MergeRequestUrl + "1" });

        await fetched.CompleteAsync([(StudentConfig, student), (TeammateConfig, teammate)], progress: null, CancellationToken.None);

        Assert.Equal(["SIRA-7", "SIRA-8"], Assert.Single(lookUps).Order());
        Assert.Equal(["SIRA-7"], student.Build().ReferencedTickets!.Select(t => t.Identifier));
        Assert.Equal(["SIRA-8"], teammate.Build().ReferencedTickets!.Select(t => t.Identifier));
    }

    [Fact]
    public async Task Nothing_is_read_when_every_ticket_named_is_among_the_candidates()
    {
        var week = new LinearWeek();
        var named = week.Issue(Teammate, At(10, 9));
        var lookUps = new List<IReadOnlyCollection<string>>();
        var fetched = week.Fetched() with { LookUp = LookUp(lookUps) };
        var snapshot = Builder(fetched, StudentConfig);
        snapshot.Reviews.Add(new ReviewedMergeRequest { MergeRequest = MergeRequest() with { Title = named.Identifier } });

        await fetched.CompleteAsync([(StudentConfig, snapshot)], progress: null, CancellationToken.None);

        Assert.Empty(lookUps);
        Assert.Equal([named.Identifier], snapshot.Build().ReferencedTickets!.Select(t => t.Identifier));
    }

    private static MergeRequestRef MergeRequest() => new()
    {
        Project = "ppl/sira-backend",
        Iid = 7,
        Title = "Merge request 7",
        Author = new Person("froklax"),
        WebUrl = MergeRequestUrl,
        CreatedAt = At(24, 9),
        SourceBranch = "feature/7",
    };

    /// <summary>A look-up that records what it was asked for and knows the issues <paramref name="known"/>.</summary>
    private static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<LinearIssue>>> LookUp(List<IReadOnlyCollection<string>> calls, params string[] known) =>
        (identifiers, _) =>
        {
            calls.Add([.. identifiers]);
            IReadOnlyList<LinearIssue> found = [.. identifiers.Where(known.Contains).Select(id => new LinearIssue
            {
                Id = "issue-" + id,
                Identifier = id,
                Title = "Fetched " + id,
                Url = "https://linear.app/sira/issue/" + id,
                State = Done,
            })];
            return Task.FromResult(found);
        };
}
