using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Site;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Site;

/// <summary>A run never writes one kind of site over another: the output folder's kind is told from where its weeks are listed (<c>weeks.json</c>, or an older site's <c>meta.json</c> files).</summary>
public sealed class SiteShapeTests
{
    private static readonly ReportGenerator Generator = new(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels);

    [Fact]
    public async Task Render_without_the_team_config_into_a_team_site_fails_in_one_line_and_writes_nothing()
    {
        using var site = new TempDirectory();
        Assert.Equal(0, (await EvidenceCli.RunAsync("demo", "--team", "--out", site.Path)).ExitCode);
        var before = site.Files();

        var result = await EvidenceCli.RunAsync("render", "--snapshot", RepoPaths.DemoSnapshot, "--out", site.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: '{site.Path}' holds a team site (a folder per student); a one-student run would replace its team page: give the team's config (--config) or another --out\n", result.Error);
        Assert.Equal("", result.Output);
        var after = site.Files();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public void A_team_run_into_one_students_site_is_refused_and_the_students_index_stays()
    {
        using var site = new TempDirectory();
        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty)], site.Path);
        var index = File.ReadAllText(site.Combine("index.html"));

        var error = Assert.Throws<EvidenceException>(() =>
            Generator.RenderAndWrite([(SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path, SiteLayout.Team([new Person("abhipraya", "Abhipraya")])));

        Assert.Contains("holds one student's site", error.Message);
        Assert.Equal(index, File.ReadAllText(site.Combine("index.html")));
        Assert.False(Directory.Exists(site.Combine("abhipraya")));
    }

    [Fact]
    public void Each_run_adds_to_a_site_of_its_own_kind()
    {
        using var single = new TempDirectory();
        using var team = new TempDirectory();
        var layout = SiteLayout.Team([new Person("abhipraya", "Abhipraya")]);

        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty)], single.Path);
        Generator.RenderAndWrite([(SiteScenario.Week(2), NarrativeNotes.Empty)], single.Path);
        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty)], team.Path, layout);
        Generator.RenderAndWrite([(SiteScenario.Week(2), NarrativeNotes.Empty)], team.Path, layout);

        Assert.Equal(SiteKind.Student, SiteShape.Of(single.Path));
        Assert.Equal(SiteKind.Team, SiteShape.Of(team.Path));
        Assert.Contains("sprint-2-week-1/index.html", File.ReadAllText(single.Combine("index.html")));
        Assert.Contains("abhipraya/sprint-2-week-1/index.html", File.ReadAllText(team.Combine("index.html")));
    }

    [Fact]
    public void Folders_without_weeks_of_ours_are_no_site_and_a_folder_of_team_sites_is_a_course()
    {
        using var course = new TempDirectory();
        course.Write("notes.txt", "mine");
        course.Write("drafts/meta.json", "not json");
        course.Write("other/sprint-2-week-1/meta.json", "{\"slug\": \"another-name\"}");
        Assert.Equal(SiteKind.None, SiteShape.Of(course.Path));
        Assert.Equal(SiteKind.None, SiteShape.Of(course.Combine("missing")));

        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty)], course.Combine("team-a"), SiteLayout.Team([new Person("abhipraya")]));

        Assert.Equal(SiteKind.Course, SiteShape.Of(course.Path));
        var error = Assert.Throws<EvidenceException>(() => Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty)], course.Path));
        Assert.Contains("holds a course site", error.Message);
    }
}
