using Reports.Analysis.Reviews;
using Reports.Analysis;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Tests.Support;

namespace Reports.Tests.Analysis;

/// <summary>The "what counts" rules that are read from the snapshot's text when the report is built.</summary>
public sealed class ReportBuilderTests
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Merged = At(28, 17);

    [Fact]
    public void Praise_thread_is_a_positive_not_a_finding()
    {
        var review = Build(Thread("praise: clean separation of slots"), Thread("**P2**: lock deploys")).Reviews.Single();

        Assert.Equal("lock deploys", Assert.Single(review.Findings).Title);
        Assert.Equal("clean separation of slots", Assert.Single(review.Positives).Text);
    }

    [Fact]
    public void Bullets_under_a_positives_heading_of_the_summary_note_are_positives_with_its_link()
    {
        var week = Week(Thread("**P1**: x"));
        var summary = new Note { NoteId = 9, Body = "**Positive callouts:**\n- TDD visible\n- Good tests\n\n**Issues:** below", CreatedAt = At(25, 9), Url = "https://gitlab.example/mr/1#note_9" };
        var snapshot = week with { Reviews = [week.Reviews[0] with { SummaryNotes = [summary] }] };

        var positives = new ReportBuilder(ConfigSchema.Review.DefaultLevels).Build(snapshot, NarrativeNotes.Empty).Reviews.Single().Positives;

        Assert.Equal(["TDD visible", "Good tests"], positives.Select(p => p.Text));
        Assert.All(positives, p => Assert.Equal("https://gitlab.example/mr/1#note_9", p.Url));
    }

    [Theory]
    [InlineData(true, 27, true)]
    [InlineData(true, 28, true)]
    [InlineData(true, 29, false)]
    [InlineData(false, null, false)]
    public void Finding_is_addressed_before_merge_when_resolved_no_later_than_the_merge(bool resolved, int? resolvedDay, bool addressed)
    {
        var thread = Thread("**P0**: blocker") with
        {
            Resolved = resolved,
            ResolvedAt = resolvedDay is { } day ? (day == 28 ? Merged : At(day, 12)) : null,
        };

        var review = Build(thread).Reviews.Single();

        Assert.Equal(addressed, review.Findings.Single().AddressedBeforeMerge);
        Assert.Equal(addressed ? 1 : 0, review.Blockers.Addressed);
        Assert.Equal(addressed, review.Blockers.AllAddressed);
    }

    [Fact]
    public void Findings_without_a_level_are_ungraded_and_grouped_last()
    {
        var review = Build(Thread("suggestion: rename"), Thread("[P3] typo"), Thread("Why not a map here?")).Reviews.Single();

        Assert.Equal(["P3", "ungraded"], review.Groups.Select(g => g.Key));
        Assert.Equal("P3 ×1 · ungraded ×2", review.SeverityLine);
    }

    [Fact]
    public void Review_levels_from_the_config_grade_team_labels()
    {
        var levels = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["nitpick"] = Severity.P3, ["critical"] = Severity.P0, ["important"] = Severity.P1 };
        var snapshot = Week(Thread("Critical: SQL injection"), Thread("Important: no index"));

        var review = new ReportBuilder(levels).Build(snapshot, NarrativeNotes.Empty).Reviews.Single();

        Assert.Equal(["P0", "P1"], review.Findings.Select(f => f.Severity));
    }

    [Fact]
    public void Sub_issues_are_tickets_created_under_a_parent_with_their_scenario_lines_counted()
    {
        var tickets = Build(tickets:
        [
            Ticket("SIRA-232", parent: true, description: "Plan\n\n  Scenario: create\n  Scenario Outline: cancel <status>\nScenario:\nnot a Scenario: line\n"),
            Ticket("SIRA-210"),
            Ticket("SIRA-125", createdInWindow: false),
        ]).Tickets;

        Assert.Equal(["SIRA-210"], tickets.Created.Select(t => t.Identifier));
        var sub = Assert.Single(tickets.SubIssues);
        Assert.Equal(["Scenario: create", "Scenario Outline: cancel <status>", "Scenario:"], sub.Scenarios);
        Assert.Equal(3, tickets.PlannedScenarioCount);
    }

    [Theory]
    [InlineData("sira-125-cancel-invoice", "Cancel invoice", null, true)]
    [InlineData("feature/x", "SIRA-125 Cancel invoice", null, true)]
    [InlineData("feature/x", "Cancel invoice", "Closes SIRA-125.", true)]
    [InlineData("feature/sira-1250", "SIRA-12 and XSIRA-125", null, false)]
    public void Ticket_links_to_a_merge_request_that_names_it(string branch, string title, string? description, bool linked)
    {
        var mr = MergeRequest() with { SourceBranch = branch, Title = title, Description = description };

        Assert.Equal(linked, ReportBuilder.Links(Ticket("SIRA-125"), mr));
    }

    [Fact]
    public void Ticket_links_to_a_merge_request_linear_attached()
    {
        var mr = MergeRequest() with { SourceBranch = "feature/x", Title = "no identifier" };

        Assert.True(ReportBuilder.Links(Ticket("SIRA-125") with { AttachmentUrls = [mr.WebUrl] }, mr));
    }

    [Fact]
    public void Report_title_carries_course_and_window()
    {
        Assert.Equal("PPL: Communication and Knowledge Sharing [Sprint 2, Week 2]", new ReportBuilder(ConfigSchema.Review.DefaultLevels).Build(Snapshots.EmptyWeek(), NarrativeNotes.Empty).Title);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", false)]
    [InlineData("gitlab", false)]
    [InlineData("gitlab linear", true)]
    public void Linear_is_not_configured_only_when_the_snapshot_lists_its_sources_without_linear(string? sources, bool configured)
    {
        var ran = sources?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => new SourceRun { Name = name, Url = $"https://{name}.example/", CollectedAt = At(31, 9) })
            .ToList();

        var model = new ReportBuilder(ConfigSchema.Review.DefaultLevels).Build(Snapshots.EmptyWeek() with { Sources = ran }, NarrativeNotes.Empty);

        Assert.Equal(configured, model.LinearConfigured);
        Assert.Equal(ran?.Select(r => r.Name) ?? [], model.Sources.Select(r => r.Name));
    }

    private static ReportModel Build(params ReviewThread[] threads) => Build(threads, []);

    private static ReportModel Build(ReviewThread[]? threads = null, Ticket[]? tickets = null) =>
        new ReportBuilder(ConfigSchema.Review.DefaultLevels).Build(Week(threads ?? []) with { Tickets = tickets ?? [] }, NarrativeNotes.Empty);

    private static Snapshot Week(params ReviewThread[] threads) => Snapshots.EmptyWeek() with
    {
        Window = new ReportWindow(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "Asia/Jakarta", 2, 1),
        Reviews = threads.Length == 0 ? [] : [new ReviewedMergeRequest { MergeRequest = MergeRequest(), Threads = threads }],
    };

    private static MergeRequestRef MergeRequest() => new()
    {
        Project = "ppl/sira-backend",
        Iid = 1,
        Title = "Cancel invoice",
        Author = new Person("froklax"),
        WebUrl = "https://gitlab.example/ppl/sira-backend/-/merge_requests/1",
        CreatedAt = At(24, 9),
        MergedAt = Merged,
        State = "merged",
    };

    private static int _noteId;

    private static ReviewThread Thread(string body) => new()
    {
        DiscussionId = new string('a', 40),
        NoteId = Interlocked.Increment(ref _noteId),
        Body = body,
        CreatedAt = At(25, 10),
        Url = "https://gitlab.example/ppl/sira-backend/-/merge_requests/1#note_1",
        Resolved = true,
        ResolvedAt = At(26, 10),
    };

    private static Ticket Ticket(string identifier, bool parent = false, string? description = null, bool createdInWindow = true) => new()
    {
        Identifier = identifier,
        Title = identifier + " title",
        Url = "https://linear.app/sira/issue/" + identifier.ToLowerInvariant(),
        State = "Todo",
        CreatedAt = At(25, 9),
        CreatedInWindow = createdInWindow,
        Parent = parent ? new TicketRef("SIRA-120", "Invoices", "https://linear.app/sira/issue/sira-120") : null,
        Description = description,
    };

    private static DateTimeOffset At(int day, int hour) => new(2025, 3, day, hour, 0, 0, Jakarta);
}
