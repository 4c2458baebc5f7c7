using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;
using Reports.Model;
using Reports.Site;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// The team week of a roster course built against the fake GitLab: every page there, the attention
/// list right on the weeks <see cref="CourseScenario"/> sets up by hand, the flags in the grade book,
/// and the team snapshot that <c>collect</c> writes for a team.
/// </summary>
public sealed class CourseTeamWeekTests(BuiltCourse built) : IClassFixture<BuiltCourse>
{
    private readonly CourseScenario _course = built.Course;

    private readonly BuiltCourse _output = built;

    [Fact]
    public void Every_team_has_a_team_week_per_week_in_markdown_and_html()
    {
        foreach (var team in new[] { "sira", "kopi", "lumbung" })
        {
            foreach (var week in new[] { "sprint-2-week-1", "sprint-2-week-2" })
            {
                Assert.True(File.Exists(_output.Combine(team, week, "team.md")), $"{team}/{week}/team.md");
                Assert.True(File.Exists(_output.Combine(team, week, "index.html")), $"{team}/{week}/index.html");
            }

            Assert.Equal(["sprint-2-week-1", "sprint-2-week-2"], TeamWeeks.In(_output.Combine(team)).Select(w => w.Slug));
        }
    }

    [Fact]
    public void Sira_week_1_flags_the_self_merge_the_one_merger_and_the_student_who_did_nothing()
    {
        var flags = Flags("sira", "sprint-2-week-1");

        Assert.Equal(
        [
            "no-activity citra",
            "unreviewed-merge abhipraya",
            "merge-concentration abhipraya",
        ], flags.Select(f => $"{f.Kind} {f.Username}"));
        Assert.Contains("ppl/sira!3", flags[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("/ppl/sira/-/merge_requests/3", flags[1].Href, StringComparison.Ordinal);
        Assert.Equal("citra/sprint-2-week-1/index.html", flags[0].Href);
        Assert.Equal("sprint-2-week-1/index.html#merges", flags[2].Href);
    }

    [Fact]
    public void Sira_week_2_flags_the_review_left_to_the_last_day()
    {
        var flags = Flags("sira", "sprint-2-week-2");

        Assert.Equal(["no-activity citra", "last-day froklax"], flags.Select(f => $"{f.Kind} {f.Username}"));
        Assert.Contains("3 of 3", flags[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kopi_week_1_flags_the_approval_without_a_comment_but_not_the_approved_merge()
    {
        var flags = Flags("kopi", "sprint-2-week-1");

        Assert.Equal(["approval-without-comment dimas"], flags.Select(f => $"{f.Kind} {f.Username}"));
        Assert.Equal(["no-activity dimas", "no-activity eka"], Flags("kopi", "sprint-2-week-2").Select(f => $"{f.Kind} {f.Username}"));
        Assert.Equal(["no-activity fajar"], Flags("lumbung", "sprint-2-week-1").Select(f => $"{f.Kind} {f.Username}"));
    }

    [Fact]
    public void The_team_week_has_the_review_matrix_the_merges_and_the_reviews_received()
    {
        var markdown = File.ReadAllText(_output.Combine("sira", "sprint-2-week-1", "team.md"));

        Assert.StartsWith("# PPL: Team sira ", markdown, StringComparison.Ordinal);
        Assert.Contains("| [@abhipraya](../abhipraya/sprint-2-week-1/index.html) | — | 1 (P0 1) | — | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| [@froklax](../froklax/sprint-2-week-1/index.html) | 1 (P2 1) | — | — | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| @abhipraya | @abhipraya | — | — | **no** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| @abhipraya | @abhipraya | @froklax | @froklax | yes |", markdown, StringComparison.Ordinal);
        Assert.Contains("| @froklax | @abhipraya | @abhipraya | — | yes |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_are_counted_in_the_grade_book_and_shown_on_the_team_page_and_course_index()
    {
        var rows = CourseGradeBookTests.ReadCsv(_output.Combine("gradebook.csv"));
        string FlagsOf(string user, string week) => rows.Single(r => r["username"] == user && r["week"] == week)["flags"];

        Assert.Equal("2", FlagsOf("abhipraya", "1"));
        Assert.Equal("1", FlagsOf("froklax", "2"));
        Assert.Equal("1", FlagsOf("dimas", "1"));
        Assert.Equal("0", FlagsOf("eka", "1"));

        var parser = new HtmlParser();
        var teamPage = parser.ParseDocument(File.ReadAllText(_output.Combine("sira", "index.html")));
        var attention = teamPage.QuerySelector("section.attention")!;
        Assert.Contains("Sprint 2, Week 2", attention.TextContent, StringComparison.Ordinal);
        Assert.Contains("last day", attention.TextContent, StringComparison.Ordinal);
        Assert.Equal("sprint-2-week-2/index.html", teamPage.QuerySelector("table.team-weeks thead th:nth-child(3) a")!.GetAttribute("href"));

        var index = parser.ParseDocument(File.ReadAllText(_output.Combine("index.html")));
        var links = index.QuerySelectorAll(".course-team .flags a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("sira/sprint-2-week-2/index.html", links);
        Assert.Contains("kopi/dimas/sprint-2-week-2/index.html", links);
        Assert.All(links, l => Assert.True(l!.StartsWith("http", StringComparison.Ordinal) || File.Exists(_output.Combine(l.Split('#')[0].Split('/'))), l));
    }

    [Fact]
    public void Tutors_get_a_view_of_their_teams()
    {
        var ratna = File.ReadAllText(_output.Combine("tutor", "bu-ratna.html"));
        var budi = File.ReadAllText(_output.Combine("tutor", "pak-budi.html"));

        Assert.Contains("../sira/index.html", ratna, StringComparison.Ordinal);
        Assert.Contains("../kopi/index.html", ratna, StringComparison.Ordinal);
        Assert.DoesNotContain("../lumbung/index.html", ratna, StringComparison.Ordinal);
        Assert.Contains("../lumbung/index.html", budi, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_and_titles_stay_text_on_the_team_week()
    {
        var html = File.ReadAllText(_output.Combine("sira", "sprint-2-week-1", "index.html"));
        var page = new HtmlParser().ParseDocument(html);

        Assert.Empty(page.QuerySelectorAll("img, script, iframe"));
        Assert.Contains(CourseScenario.HostileName, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(CourseScenario.FormulaTitle, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_writes_the_team_snapshot_beside_the_students_with_reviews_and_approvals()
    {
        using var folder = new TempDirectory();
        var result = await EvidenceCli.RunAsync(new FakeTimeProvider(CourseScenario.AfterBothWeeks), "collect", "--config", _course.Config, "--sprint", "2", "--week", "1", "--team", "sira", "--no-cache", "--snapshot", folder.Path);
        Assert.True(result.ExitCode == 0, result.Error);

        var snapshot = TeamSnapshotSerializer.Deserialize(File.ReadAllText(folder.Combine(TeamSnapshotSerializer.FileName)), "team");
        Assert.Equal(Snapshot.CurrentSchemaVersion, snapshot.SchemaVersion);
        var formula = snapshot.MergeRequests.Single(m => m.MergeRequest.Title == CourseScenario.FormulaTitle);
        Assert.Equal(["froklax"], formula.ApprovedBy!.Select(p => p.Username));
        Assert.Equal("froklax", Assert.Single(formula.Threads).Reviewer.Username);
        var json = TeamSnapshotSerializer.Serialize(snapshot);
        Assert.Equal(json, TeamSnapshotSerializer.Serialize(TeamSnapshotSerializer.Deserialize(json, "again")));
        Assert.Equal(json, File.ReadAllText(folder.Combine(TeamSnapshotSerializer.FileName)));
    }

    private List<SiteFlag> Flags(string team, string slug) =>
        [.. TeamWeeks.In(_output.Combine(team)).Single(w => w.Slug == slug).Flags];
}
