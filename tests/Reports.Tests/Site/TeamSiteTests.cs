using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Site;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Site;

/// <summary>The site's pages that list weeks: each student's index, the team page, and the links between weeks.</summary>
public sealed partial class TeamSiteTests
{
    private static readonly ReportGenerator Generator = new(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels);

    [Fact]
    public async Task Demo_team_is_browsable_from_files_every_internal_link_resolves_and_nothing_is_requested()
    {
        using var site = new TempDirectory();

        var result = await EvidenceCli.RunAsync("demo", "--team", "--out", site.Path);

        Assert.Equal(0, result.ExitCode);
        var pages = Directory.GetFiles(site.Path, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2 + 3 + 4 + (4 * 3), pages.Count); // the team page and its by-total view, each team week, each index, each week
        var parser = new HtmlParser();
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var where = Path.GetRelativePath(site.Path, page);
            Assert.Contains("default-src 'none'", document.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content") ?? "");
            // A feed's <link rel="alternate"> requests nothing; a reader follows it, so it must resolve like any link.
            Assert.Empty(document.QuerySelectorAll("script, link:not([rel=alternate]), iframe, img, object, embed, base"));
            Assert.All(document.QuerySelectorAll("link[rel=alternate]"), link =>
            {
                Assert.Equal("application/atom+xml", link.GetAttribute("type"));
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(page)!, link.GetAttribute("href")!)), $"{where}: feed '{link.GetAttribute("href")}' does not resolve");
            });
            Assert.Empty(document.QuerySelectorAll("[src], [srcset], [style]"));
            Assert.DoesNotMatch(ExternalCss(), string.Join("\n", document.QuerySelectorAll("style").Select(s => s.TextContent)));
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith('#'))
                {
                    continue;
                }

                Assert.False(href.Contains(':', StringComparison.Ordinal), $"{where}: '{href}' is neither relative nor http(s)");
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(href.Split('#')[0])));
                Assert.True(target.StartsWith(site.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"{where}: '{href}' leaves the site");
                Assert.True(File.Exists(target), $"{where}: '{href}' does not resolve to a file");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks >= 80, $"only {checkedLinks} internal links checked");
    }

    [Fact]
    public async Task Demo_team_writes_the_expected_team_page_and_student_index()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        await EvidenceCli.RunAsync("demo", "--team", "--out", first.Path);
        await EvidenceCli.RunAsync("demo", "--team", "--out", second.Path);

        var a = first.Files();
        var b = second.Files();
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a, file => Assert.Equal(file.Value, b[file.Key]));
        foreach (var relative in new[] { "index.html", "abhipraya/index.html", "bintang/weeks.json", "sprint-2-week-1/team.md" })
        {
            GoldenFile.AssertMatches(Path.Combine(RepoPaths.Golden, "demo-team", relative), File.ReadAllText(first.Combine(relative)));
        }
    }

    [Fact]
    public async Task Demo_team_weeks_read_approvals_as_a_real_team_does()
    {
        using var site = new TempDirectory();

        await EvidenceCli.RunAsync("demo", "--team", "--out", site.Path);

        var weeks = Directory.GetFiles(site.Path, "team.md", SearchOption.AllDirectories);
        Assert.Equal(3, weeks.Length);
        Assert.All(weeks, week => Assert.DoesNotContain("not collected", File.ReadAllText(week), StringComparison.Ordinal));
        var first = File.ReadAllText(site.Combine("sprint-2-week-1", "team.md"));
        Assert.Contains("| Block inactive account auth | @froklax | @abhipraya | — | @abhipraya | yes |", first, StringComparison.Ordinal);
        Assert.Contains("| Remove duplicate error toast | @froklax | @abhipraya | — | — | **no** |", first, StringComparison.Ordinal);
        Assert.Contains("@abhipraya approved ppl/sira-backend!104 by @froklax without a comment", first, StringComparison.Ordinal);
        Assert.Contains("merged by @abhipraya with no review or approval by anyone but its author", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Student_names_and_usernames_are_escaped_on_the_team_page_and_the_index()
    {
        using var site = new TempDirectory();
        var hostile = new Person("eve", "<script>alert(1)</script><img src=x onerror=alert(2)>");
        var week = SiteScenario.Week(1) with { Student = hostile };

        Generator.RenderAndWrite([(week, NarrativeNotes.Empty)], site.Path, SiteLayout.Team([new Person("abhipraya"), hostile]));

        foreach (var page in new[] { "index.html", "eve/index.html", "eve/sprint-2-week-1/index.html" })
        {
            var html = File.ReadAllText(site.Combine(page));
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", File.ReadAllText(site.Combine("index.html")));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", File.ReadAllText(site.Combine("eve", "index.html")));
        Assert.Contains("No reports yet.", File.ReadAllText(site.Combine("abhipraya", "index.html")));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("trailing.")]
    [InlineData("a\\b")]
    [InlineData("index.html")]
    [InlineData("INDEX.HTML")]
    public void A_username_that_cannot_name_a_folder_is_refused_by_the_team_layout(string username)
    {
        Assert.NotNull(StudentFolder.Problem(username));
        var error = Assert.Throws<EvidenceException>(() => SiteLayout.Team([new Person("abhipraya"), new Person(username)]));
        Assert.Contains($"'{username}'", error.Message);
    }

    [Theory]
    [InlineData("abhipraya")]
    [InlineData("dimas.saputra")]
    [InlineData("a_b-c.d")]
    [InlineData("_x")]
    [InlineData("7")]
    public void A_gitlab_username_names_a_folder(string username) => Assert.Null(StudentFolder.Problem(username));

    [Fact]
    public void The_index_lists_weeks_newest_first_with_their_numbers_and_a_trend_chart()
    {
        using var site = new TempDirectory();

        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty), (SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path);

        var index = File.ReadAllText(site.Combine("index.html"));
        Assert.True(index.IndexOf("sprint-2-week-2/index.html", StringComparison.Ordinal) < index.IndexOf("sprint-2-week-1/index.html", StringComparison.Ordinal), "newest first");
        Assert.Contains("<span class=\"counts\">24 findings (P0 ", index);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", index);
        Assert.Contains("<title id=\"chart-trend-title\">Activity per week</title>", index);
        Assert.Contains("<desc id=\"chart-trend-desc\">2 weeks, oldest first, one panel per kind, each with its own scale. Sprint 2, Week 1: 24 findings,", index);
    }

    [Fact]
    public void A_later_single_week_run_still_lists_the_older_weeks_with_their_numbers()
    {
        using var site = new TempDirectory();
        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty), (SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path);
        var weekOneNumbers = CountsOf(File.ReadAllText(site.Combine("index.html")), "sprint-2-week-1");

        Generator.RenderAndWrite([(Snapshots.EmptyWeek() with { Window = SiteScenario.Week(3).Window }, NarrativeNotes.Empty)], site.Path);

        var index = File.ReadAllText(site.Combine("index.html"));
        Assert.Equal(weekOneNumbers, CountsOf(index, "sprint-2-week-1"));
        Assert.Contains("0 findings · 0 merges · 0 commits · 0 tickets touched", CountsOf(index, "sprint-2-week-3"));
        Assert.Contains("Sprint 2, Week 1: 24 findings", index);
    }

    [Fact]
    public void A_meta_json_written_before_the_numbers_were_kept_still_lists_without_them()
    {
        using var site = new TempDirectory();
        site.Write("sprint-2-week-1/meta.json", """
            {
              "slug": "sprint-2-week-1",
              "title": "PPL: Communication and Knowledge Sharing [Sprint 2, Week 1]",
              "label": "Sprint 2, Week 1",
              "start": "2025-03-24",
              "end": "2025-03-30",
              "student": "Abhipraya"
            }
            """);
        site.Write("sprint-2-week-1/index.html", "old page");

        Generator.RenderAndWrite([(SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path);

        var index = File.ReadAllText(site.Combine("index.html"));
        Assert.Contains("<a href=\"sprint-2-week-1/index.html\">Sprint 2, Week 1</a>", index);
        Assert.DoesNotContain("counts", CountsOf(index, "sprint-2-week-1"));
        Assert.Contains("<desc id=\"chart-trend-desc\">1 week, oldest first, one panel per kind, each with its own scale. Sprint 2, Week 2:", index);
        Assert.Contains("<a rel=\"prev\" href=\"../sprint-2-week-1/index.html\">← Sprint 2, Week 1</a>", File.ReadAllText(site.Combine("sprint-2-week-2", "index.html")));
    }

    [Fact]
    public void The_first_run_over_a_site_of_meta_json_files_lists_every_week_in_weeks_json()
    {
        using var site = new TempDirectory();
        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty), (SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path);
        var weekOne = JsonNode.Parse(File.ReadAllText(site.Combine("weeks.json")))!.AsArray()[0]!.ToJsonString();
        File.Delete(site.Combine("weeks.json"));
        site.Write("sprint-2-week-1/meta.json", weekOne);

        Generator.RenderAndWrite([(SiteScenario.Week(3), NarrativeNotes.Empty)], site.Path);

        Assert.Equal(["sprint-2-week-1", "sprint-2-week-3"], SiteEntries.In(site.Path).Select(e => e.Slug));
        var listed = JsonNode.Parse(File.ReadAllText(site.Combine("weeks.json")))!.AsArray().Select(e => e!["slug"]!.GetValue<string>());
        Assert.Equal(["sprint-2-week-1", "sprint-2-week-3"], listed);
        Assert.Contains("24 findings", CountsOf(File.ReadAllText(site.Combine("index.html")), "sprint-2-week-1"));
    }

    [Fact]
    public void A_listed_week_whose_folder_is_gone_or_whose_slug_leaves_the_folder_is_not_listed()
    {
        using var site = new TempDirectory();
        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty), (SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path);
        var weeks = JsonNode.Parse(File.ReadAllText(site.Combine("weeks.json")))!.AsArray();
        var escaping = weeks[0]!.DeepClone();
        escaping["slug"] = "../outside";
        weeks.Add(escaping);
        site.Write("weeks.json", weeks.ToJsonString());
        Directory.Delete(site.Combine("sprint-2-week-2"), recursive: true);

        Assert.Equal(["sprint-2-week-1"], SiteEntries.In(site.Path).Select(e => e.Slug));

        site.Write("weeks.json", "not json");
        Assert.Empty(SiteEntries.In(site.Path));
    }

    [Fact]
    public void Weeks_of_one_student_split_over_two_items_are_refused_and_nothing_is_written()
    {
        using var site = new TempDirectory();
        var layout = SiteLayout.Team([new Person("abhipraya"), new Person("froklax")]);
        var other = SiteScenario.Week(1) with { Student = new Person("froklax") };

        // The previous/next links of a student's weeks are drawn from all of them at once.
        var error = Assert.Throws<InvalidOperationException>(() => Generator.RenderAndWriteByStudent(
            [[(SiteScenario.Week(1), NarrativeNotes.Empty)], [(other, NarrativeNotes.Empty)], [(SiteScenario.Week(2), NarrativeNotes.Empty)]],
            site.Path, layout, new SiteConfig()));

        Assert.Contains("'abhipraya/' must come together", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Path));
    }

    [Fact]
    public void Previous_and_next_come_from_the_weeks_known_when_a_page_is_written()
    {
        using var site = new TempDirectory();
        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty), (SiteScenario.Week(3), NarrativeNotes.Empty)], site.Path);
        var weekOne = File.ReadAllText(site.Combine("sprint-2-week-1", "index.html"));

        Generator.RenderAndWrite([(SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path);

        var weekTwo = File.ReadAllText(site.Combine("sprint-2-week-2", "index.html"));
        Assert.Contains("<a rel=\"prev\" href=\"../sprint-2-week-1/index.html\">← Sprint 2, Week 1</a>", weekTwo);
        Assert.Contains("<a rel=\"next\" href=\"../sprint-2-week-3/index.html\">Sprint 2, Week 3 →</a>", weekTwo);
        Assert.Contains("<a rel=\"next\" href=\"../sprint-2-week-3/index.html\">", weekOne);
        Assert.Equal(weekOne, File.ReadAllText(site.Combine("sprint-2-week-1", "index.html")));
        Assert.DoesNotContain("rel=\"prev\"", weekOne);

        // A run that writes every week (build --all-weeks, as CI runs it) links them all.
        Generator.RenderAndWrite([.. new[] { 1, 2, 3 }.Select(w => (SiteScenario.Week(w), NarrativeNotes.Empty))], site.Path);
        Assert.Contains("<a rel=\"next\" href=\"../sprint-2-week-2/index.html\">", File.ReadAllText(site.Combine("sprint-2-week-1", "index.html")));
    }

    // The list item of one week on an index.
    private static string CountsOf(string index, string slug)
    {
        var start = index.IndexOf($"<li><a href=\"{slug}/index.html\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{slug} is not listed");
        return index[start..index.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"url\(|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalCss();
}
