using AngleSharp.Html.Parser;
using Reports.Tests.Support;

namespace Reports.Tests.Site;

/// <summary><c>evidence course-index</c>: the index of a course's Pages site, listing the team sites its CI jobs wrote.</summary>
public sealed class CourseIndexTests(CourseSite course) : IClassFixture<CourseSite>
{
    [Fact]
    public void Course_index_lists_every_team_with_its_students_and_newest_weeks()
    {
        Assert.Equal(0, course.Result.ExitCode);
        Assert.Equal(System.IO.Path.Combine(course.Path, "index.html") + "\n", course.Result.Output);
        var html = File.ReadAllText(System.IO.Path.Combine(course.Path, "index.html"));
        GoldenFile.AssertMatches(System.IO.Path.Combine(RepoPaths.Golden, "demo-course", "index.html"), html);

        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("PPL 2025 & friends", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(CourseSite.TeamNames.Order(StringComparer.Ordinal), document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(3 * 4, document.QuerySelectorAll("ul.weeks > li").Length);
        Assert.All(document.QuerySelectorAll("ul.weeks > li"), li => Assert.Contains("Total: ", li.TextContent));
        Assert.All(document.QuerySelectorAll("ul.weeks > li"), li => Assert.StartsWith("Sprint 3, Week 1", li.QuerySelectorAll("a")[1].TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Team_folder_names_are_escaped_and_every_link_is_relative_and_resolves()
    {
        var html = File.ReadAllText(System.IO.Path.Combine(course.Path, "index.html"));
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, img, svg, iframe, [onerror], [onload], [src], [style]"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        var hrefs = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();

        // Each team: its page and its newest team week; each student: their index and newest three weeks; each flag: its evidence.
        Assert.Equal((3 * 2) + (3 * 4 * (1 + 3)) + document.QuerySelectorAll(".flags li a").Length, hrefs.Count);
        foreach (var href in hrefs)
        {
            if (href.StartsWith("https://gitlab.example.ac.id/", StringComparison.Ordinal))
            {
                // A flag's evidence on GitLab, as every claim's.
                continue;
            }

            Assert.DoesNotMatch("^(/|[A-Za-z][A-Za-z0-9+.-]*:)", href);
            var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(course.Path, Uri.UnescapeDataString(href.Split('#')[0])));
            Assert.True(target.StartsWith(course.Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal), $"'{href}' leaves the site");
            Assert.True(File.Exists(target), $"'{href}' does not resolve to a file");
        }
    }

    [Fact]
    public void Every_link_and_source_in_the_course_site_is_relative_but_evidence_links_to_gitlab_and_linear()
    {
        // The demo's GitLab instance and Linear: a claim links to its source there, every other link stays inside the site.
        string[] evidenceHosts = ["gitlab.example.ac.id", "linear.app"];
        var parser = new HtmlParser();
        var pages = Directory.GetFiles(course.Path, "*.html", SearchOption.AllDirectories);
        var (relative, external) = (0, 0);
        Assert.Equal(1 + (3 * (2 + 3 + 4 + (4 * 3))), pages.Length); // the course index; per team its page and by-total view, three team weeks, four indexes, twelve reports
        foreach (var page in pages)
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            foreach (var url in document.QuerySelectorAll("[href], [src], [srcset], [action], [formaction], [xlink\\:href]").SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src" or "srcset" or "action" or "formaction" or "xlink:href").Select(a => a.Value))
            {
                var where = $"{System.IO.Path.GetRelativePath(course.Path, page)}: '{url}'";
                if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "file" or "javascript" or "data")
                {
                    Assert.True(absolute.Scheme == "https" && evidenceHosts.Contains(absolute.Host), $"{where} is absolute but not evidence on GitLab or Linear");
                    external++;
                    continue;
                }

                Assert.DoesNotMatch("^(/|[A-Za-z][A-Za-z0-9+.-]*:)", url);
                relative++;
            }
        }

        Assert.True(relative > 250 && external > 1000, $"{relative} relative and {external} external links checked");
    }

    [Fact]
    public async Task Running_it_again_gives_the_same_bytes_and_touches_nothing_but_the_index()
    {
        using var copy = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(course.Path, "*", SearchOption.AllDirectories))
        {
            var target = copy.Combine(System.IO.Path.GetRelativePath(course.Path, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var before = copy.Files();

        var result = await EvidenceCli.RunAsync("course-index", "--site", copy.Path, "--title", "PPL 2025 & friends");

        Assert.Equal(0, result.ExitCode);
        var after = copy.Files();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before.Where(f => f.Key != "index.html"), file => Assert.Equal(file.Value, after[file.Key]));
        Assert.Equal(
            System.Text.Encoding.UTF8.GetString(before["index.html"]).Replace(course.Path, "", StringComparison.Ordinal),
            System.Text.Encoding.UTF8.GetString(after["index.html"]).Replace(copy.Path, "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_title_the_heading_is_the_course_title_of_the_newest_report()
    {
        using var site = new TempDirectory();
        await EvidenceCli.RunAsync("demo", "--team", "--out", site.Combine("sira"));

        var result = await EvidenceCli.RunAsync("course-index", "--site", site.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<h1>PPL: Communication and Knowledge Sharing</h1>", File.ReadAllText(site.Combine("index.html")));
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("team", "is a team site, not a folder of team sites")]
    [InlineData("student", "is one student's site, not a folder of team sites")]
    [InlineData("empty", "no team site in")]
    public async Task A_folder_that_is_not_a_course_fails_in_one_line_and_nothing_is_written(string kind, string message)
    {
        using var site = new TempDirectory();
        var target = site.Combine("public");
        switch (kind)
        {
            case "team":
                await EvidenceCli.RunAsync("demo", "--team", "--out", target);
                break;
            case "student":
                await EvidenceCli.RunAsync("demo", "--out", target);
                break;
            case "empty":
                // A folder with a page but no student's weeks is no team site.
                site.Write("public/team-a/index.html", "not a team site");
                site.Write("public/.hidden/index.html", "hidden");
                break;
        }

        var before = site.Files();

        var result = await EvidenceCli.RunAsync("course-index", "--site", target);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        var after = site.Files();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }
}
