using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Reports.Tests.Cli;

/// <summary>
/// The hostile tutor of <see cref="CourseScenario"/> (a formula, markup and a right-to-left override) and
/// the hostile student and merge request titles, as the course's pages and grade book hold them: text in
/// HTML with the override shown, a neutralised cell in the CSV, the exact value in the JSON, and a tutor
/// view whose file name is only letters, digits and hyphens.
/// </summary>
public sealed partial class CourseHostileTextTests(BuiltCourse built) : IClassFixture<BuiltCourse>
{
    [Fact]
    public void The_hostile_tutor_gets_a_view_whose_file_name_is_safe()
    {
        var views = Directory.GetFiles(built.Combine("tutor")).Select(Path.GetFileName).ToList();

        Assert.Equal(["bu-ratna.html", "hyperlink-http-evil-example-script-alert-1-script-gnp-exe-img-sr.html", "pak-budi.html"], views.Order(StringComparer.Ordinal));
        Assert.All(views, v => Assert.Matches(SafeFileName(), v));
        Assert.True(File.Exists(built.Combine(CourseScenario.HostileTutorPage.Split('/'))));
        Assert.Contains("../kopi/index.html", File.ReadAllText(built.Combine(CourseScenario.HostileTutorPage.Split('/'))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData(CourseScenario.HostileTutorPage)]
    public void The_hostile_tutor_is_text_with_its_override_shown(string relative)
    {
        var html = File.ReadAllText(built.Combine(relative.Split('/')));
        var page = new HtmlParser().ParseDocument(html);

        Assert.Empty(page.QuerySelectorAll("script, img, iframe, [onerror]"));
        Assert.Contains(CourseScenario.HostileTutor.Replace("\u202E", "<U+202E>", StringComparison.Ordinal), page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', html);
    }

    [Fact]
    public void The_team_week_shows_hostile_names_and_formula_titles_as_text()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(built.Combine("sira", "sprint-2-week-1", "index.html")));
        var merges = page.QuerySelectorAll("table").Single(t => t.TextContent.Contains("Merged by", StringComparison.Ordinal));

        Assert.Empty(page.QuerySelectorAll("script, img, iframe, [onerror]"));
        Assert.Contains(CourseScenario.FormulaTitle, merges.TextContent, StringComparison.Ordinal);
        Assert.Contains(CourseScenario.HostileName, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grade_book_neutralises_the_hostile_tutor_in_csv_and_keeps_it_exact_in_json()
    {
        var csv = CourseGradeBookTests.ReadCsv(built.Combine("gradebook.csv"));
        using var json = JsonDocument.Parse(File.ReadAllText(built.Combine("gradebook.json")));

        Assert.All(csv.Where(r => r["username"] == "eka"), r => Assert.Equal("'" + CourseScenario.HostileTutor, r["tutor"]));
        Assert.DoesNotContain(File.ReadAllText(built.Combine("gradebook.csv")).Split("\r\n"), line => line.Contains(",\"=", StringComparison.Ordinal) || line.Contains(",=", StringComparison.Ordinal));
        var eka = json.RootElement.EnumerateArray().Where(r => r.GetProperty("username").GetString() == "eka").ToList();
        Assert.Equal(2, eka.Count);
        Assert.All(eka, r => Assert.Equal(CourseScenario.HostileTutor, r.GetProperty("tutor").GetString()));
        Assert.Equal(
            CourseGradeBookTests.ReadCsv(built.Combine("kopi", "gradebook.csv")).Where(r => r["username"] == "eka").Select(r => r["tutor"]),
            csv.Where(r => r["username"] == "eka").Select(r => r["tutor"]));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\.html$")]
    private static partial Regex SafeFileName();
}
