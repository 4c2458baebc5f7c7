using Reports.Analysis;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Analysis;

/// <summary>
/// Which tickets each merge request of the report delivers: the student's own tickets and the
/// referenced ones, linked by identifier or attachment; named at MR headings and in the Ticket column.
/// </summary>
public sealed class MergeRequestTicketTests
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);

    private static readonly MergeRequestRef Titled = Mr(118, "SIRA-125 Cancel invoice", "sira-125-cancel-invoice");
    private static readonly MergeRequestRef Branched = Mr(104, "Block inactive account auth", "sira-201-block-inactive");
    private static readonly MergeRequestRef Attached = Mr(117, "Automated deploy promote pipeline", "feat/auto-promote");
    private static readonly MergeRequestRef Plain = Mr(109, "Blue/Green Deployment", "feat/blue-green");

    [Fact]
    public void Every_cited_merge_request_gets_its_tickets_own_and_referenced_by_identifier()
    {
        var model = Build(Week());

        Assert.Equal(["SIRA-125"], Ids(model, Titled));
        Assert.True(model.MergeRequestTickets[Titled.WebUrl][0].InTitle);
        Assert.Equal(["SIRA-201", "SIRA-204"], Ids(model, Branched));
        Assert.All(model.MergeRequestTickets[Branched.WebUrl], t => Assert.False(t.InTitle));
        Assert.Equal(["SIRA-219"], Ids(model, Attached));
        Assert.Empty(model.MergeRequestTickets[Plain.WebUrl]);
        Assert.Equal("Done", model.MergeRequestTickets[Attached.WebUrl][0].State);
    }

    [Fact]
    public void The_merge_table_gains_a_ticket_column_and_headings_name_tickets_their_title_does_not()
    {
        var markdown = Render(Week());

        Assert.Contains("| MR | Author | Topic | Ticket |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Automated deploy promote pipeline | [SIRA-219](https://linear.app/sira/issue/SIRA-219) (Done) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Blue/Green Deployment | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("### MR !104: SIRA-201 SIRA-204 Block inactive account auth (1 issue found)", markdown, StringComparison.Ordinal);
        Assert.Contains("### MR !118: SIRA-125 Cancel invoice\n", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "[!104](https://gitlab.example.com/ppl/sira-backend/-/merge_requests/104) by froklax in `ppl/sira-backend`, for [SIRA-201](https://linear.app/sira/issue/SIRA-201) (In Review), [SIRA-204](https://linear.app/sira/issue/SIRA-204) (Todo).",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("[!118](https://gitlab.example.com/ppl/sira-backend/-/merge_requests/118) for [SIRA-125](https://linear.app/sira/issue/SIRA-125) (Done):", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_Linear_the_merge_table_keeps_three_columns_and_the_overview_says_not_configured()
    {
        var week = Week() with
        {
            Tickets = [],
            ReferencedTickets = null,
            Sources = [new SourceRun { Name = SourceNames.GitLab, Url = "https://gitlab.example.com/", CollectedAt = At(31, 9) }],
        };

        var markdown = Render(week);

        Assert.Contains("| MR | Author | Topic |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Linear tickets created · sub-issues · status updates · groomed | Linear not configured |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("groomed | 0", markdown, StringComparison.Ordinal);
        Assert.Contains("### MR !104: Block inactive account auth (1 issue found)", markdown, StringComparison.Ordinal);
    }

    private static Snapshot Week() => Snapshots.EmptyWeek() with
    {
        Window = new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta", 2, 1),
        Reviews = [new ReviewedMergeRequest
        {
            MergeRequest = Branched,
            Threads = [new ReviewThread { DiscussionId = "d1", NoteId = 1, Body = "**P1**: x", CreatedAt = At(25, 9), Url = Branched.WebUrl + "#note_1" }],
        }],
        Merges = [Titled, Attached, Plain],
        Contributions = [new Contribution { MergeRequest = Titled, Commits = [new CommitRef { Sha = "4e600c0a", Title = "fix", AuthoredAt = At(27, 9), Url = "https://gitlab.example.com/c/4e600c0a" }] }],
        Tickets = [Ticket("SIRA-125", "Done"), Ticket("SIRA-201", "In Review")],
        ReferencedTickets =
        [
            new ReferencedTicket { Identifier = "SIRA-219", Title = "Automate promote", Url = "https://linear.app/sira/issue/SIRA-219", State = "Done", AttachmentUrls = [Attached.WebUrl] },
            new ReferencedTicket { Identifier = "SIRA-204", Title = "Sessions", Url = "https://linear.app/sira/issue/SIRA-204", State = "Todo", AttachmentUrls = [Branched.WebUrl] },
        ],
        Sources =
        [
            new SourceRun { Name = SourceNames.GitLab, Url = "https://gitlab.example.com/", CollectedAt = At(31, 9) },
            new SourceRun { Name = SourceNames.Linear, Url = "https://api.linear.app/graphql", CollectedAt = At(31, 9) },
        ],
    };

    private static Ticket Ticket(string identifier, string state) => new()
    {
        Identifier = identifier,
        Title = "Ticket " + identifier,
        Url = "https://linear.app/sira/issue/" + identifier,
        State = state,
        CreatedAt = At(10, 9),
        StatusChanges = [new StatusChange(At(26, 9), "Todo", state)],
    };

    private static MergeRequestRef Mr(int iid, string title, string branch) => new()
    {
        Project = "ppl/sira-backend",
        Iid = iid,
        Title = title,
        Author = new Person("froklax"),
        WebUrl = $"https://gitlab.example.com/ppl/sira-backend/-/merge_requests/{iid}",
        CreatedAt = At(24, 9),
        MergedAt = At(28, 9),
        MergedBy = new Person("abhipraya"),
        State = "merged",
        SourceBranch = branch,
    };

    private static IEnumerable<string> Ids(ReportModel model, MergeRequestRef mr) => model.MergeRequestTickets[mr.WebUrl].Select(t => t.Identifier);

    private static ReportModel Build(Snapshot snapshot) => new ReportBuilder(ConfigSchema.Review.DefaultLevels).Build(snapshot, NarrativeNotes.Empty);

    // Every review in full, however few its findings, so its heading shows.
    private static string Render(Snapshot snapshot) =>
        new ReportGenerator(new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory)), new ReviewConfig { CompactBelow = 0 })
            .Render(snapshot, NarrativeNotes.Empty).Report.Markdown;

    private static DateTimeOffset At(int day, int hour) => new(2025, 3, day, hour, 0, 0, Jakarta);
}
