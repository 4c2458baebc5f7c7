using System.Diagnostics;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Reports.Config;
using Reports.Rendering;
using Reports.Site;
using Reports.Tests.Golden;
using Reports.Tests.Support;
using Xunit.Abstractions;
using Reports.Model;

namespace Reports.Tests.Site;

/// <summary>
/// The Hugo export dropped into a minimal Hugo site (a config and one layout) and built with the
/// machine's real <c>hugo</c>: skipped, naming the fix, where it is missing, and failing under CI.
/// </summary>
public sealed class HugoBuildTests(ITestOutputHelper output)
{
    private const string Config = """
        baseURL = "https://example.org/"
        title = "A student's blog"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
        """;

    private const string Layout = """
        <!DOCTYPE html>
        <html><head><title>{{ .Title }}</title></head>
        <body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>
        """;

    [SkippableFact]
    public async Task Hugo_builds_the_demo_export_into_a_page_with_its_headings_a_suggested_fix_and_a_chart()
    {
        var hugo = MachineTool.Hugo.Require();
        using var site = NewHugoSite();
        var result = await EvidenceCli.RunAsync("demo", "--format", "hugo", "--out", site.Path);
        Assert.Equal(0, result.ExitCode);

        Build(hugo, site);

        var page = site.Combine("public", "evidence", "sprint-2-week-1", "index.html");
        Assert.True(File.Exists(page), "hugo wrote no page for the report");
        var html = File.ReadAllText(page);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("PPL: Communication and Knowledge Sharing [Sprint 2, Week 1]", document.QuerySelector("h1")?.TextContent);
        var headings = document.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Overview", "1. Threaded MR Reviews with Severity Grading", "2. Merge Coordination", "3. Direct Code Contributions to Review Findings", "4. Linear Ticket Management", "5. Planning", "6. Automation"], headings.Take(7));
        Assert.Contains("Evidence", headings);
        Assert.Contains(document.QuerySelectorAll("pre"), pre => pre.TextContent.Contains("docker exec nginx nginx -t || { echo \"nginx config invalid\" >&2; exit 1; }", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll("img"), img => img.GetAttribute("src") == "activity.svg");
        Assert.True(File.Exists(site.Combine("public", "evidence", "sprint-2-week-1", "activity.svg")), "the chart is not published beside the page");
        // Hugo's typographer curls the apostrophe.
        Assert.Contains(document.QuerySelectorAll("blockquote strong"), s => s.TextContent.Replace('\u2019', '\'') == "Student's notes");
        Assert.DoesNotContain("raw HTML omitted", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Hugo_builds_the_seed_week_with_the_students_titles_and_shows_the_screenshot_from_the_bundle()
    {
        var hugo = MachineTool.Hugo.Require();
        using var site = NewHugoSite();
        var (snapshot, notes) = HugoExportTests.Week("seed-week");
        GoldenTests.NewGenerator().RenderAndWrite([(snapshot, notes)], site.Path, SiteLayout.Single, new SiteConfig { Format = SiteFormat.Hugo });

        Build(hugo, site);

        var folder = site.Combine("public", "evidence", "sprint-2-week-1");
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(folder, "index.html")));
        var image = Assert.Single(document.QuerySelectorAll("img"), img => img.GetAttribute("src") == "review-109.png");
        Assert.StartsWith("Threaded review on MR !109", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepoPaths.Golden, "Cases", "seed-week", "review-109.png")),
            File.ReadAllBytes(Path.Combine(folder, "review-109.png")));
        Assert.Contains("5. BDD Coverage Planning for the Team", document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains(document.QuerySelectorAll("h3"), h => h.TextContent == "MR !104: Block Inactive Account Auth");
    }

    [SkippableFact]
    public async Task Hugo_builds_a_team_export_and_hostile_text_stays_text()
    {
        var hugo = MachineTool.Hugo.Require();
        using var site = NewHugoSite();
        Assert.Equal(0, (await EvidenceCli.RunAsync("demo", "--team", "--format", "hugo", "--out", site.Path)).ExitCode);
        var (snapshot, notes) = HugoExportTests.Week("untrusted-text");
        var hostile = snapshot with { Student = snapshot.Student with { Username = "eve" } };
        GoldenTests.NewGenerator().RenderAndWrite([(hostile, notes)], site.Path, SiteLayout.Single, new SiteConfig { Format = SiteFormat.Hugo, HugoSection = "hostile" });

        Build(hugo, site);

        // Each student's weeks, besides the section's list page.
        Assert.Equal(12, Directory.GetFiles(site.Combine("public", "evidence"), "index.html", SearchOption.AllDirectories).Count(f => Path.GetDirectoryName(f) != site.Combine("public", "evidence")));
        Assert.True(File.Exists(site.Combine("public", "evidence", "bintang", "sprint-2-week-2", "index.html")));
        var html = File.ReadAllText(site.Combine("public", "hostile", "sprint-2-week-1", "index.html"));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, [onerror], [onload], [onmouseover]"));
        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("PPL <b>bold</b>: ", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("h3"), h => h.TextContent.Contains("<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.DoesNotContain("raw HTML omitted", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Hugo_builds_a_week_whose_every_remote_field_carries_shortcodes_script_links_and_bidi_controls()
    {
        var hugo = MachineTool.Hugo.Require();
        using var site = NewHugoSite();
        var (snapshot, notes) = ShortcodeWeek.Create();
        GoldenTests.NewGenerator().RenderAndWrite([(snapshot, notes)], site.Path, SiteLayout.Single, new SiteConfig { Format = SiteFormat.Hugo });

        Build(hugo, site);

        var html = File.ReadAllText(site.Combine("public", "evidence", "sprint-2-week-1", "index.html"));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("iframe, script, object, embed"));
        Assert.All(document.QuerySelectorAll("a[href]"), a => Assert.True(LeadsToWebOrMail(a.GetAttribute("href")!), a.GetAttribute("href")));

        // The site's shortcode ran once, in the student's notes; the remote text's dozens of it stay text.
        Assert.Single(document.QuerySelectorAll("span.hello-shortcode"));
        var text = Typed(document.Body!.TextContent);
        foreach (var literal in new[] { ShortcodeWeek.Ref, ShortcodeWeek.RefWithMarkdown, ShortcodeWeek.YouTube, ShortcodeWeek.Hello, ShortcodeWeek.Comment, "[y](JaVaScRiPt:alert(3))", "<JaVaScRiPt:alert(4)>", "<U+202E>exe.txt {{<" })
        {
            Assert.Contains(literal, text, StringComparison.Ordinal);
        }

        var code = document.QuerySelectorAll("pre, code").Select(c => c.TextContent.Replace("\u200B", "", StringComparison.Ordinal)).ToList();
        Assert.Contains(code, c => c.Contains(ShortcodeWeek.YouTube + "\n" + ShortcodeWeek.RefWithMarkdown + "\n" + ShortcodeWeek.Hello, StringComparison.Ordinal));
        Assert.Contains(code, c => c.Contains("x := \"{{<\" + \"<!--more-->\"", StringComparison.Ordinal));
        Assert.Contains(code, c => c == "if admin<U+202E>");
        Assert.Contains(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.EndsWith("/ppl/sira-backend" + ShortcodeWeek.Upload, StringComparison.Ordinal));
        Assert.False(BidiControls.ContainsAny(html), "a bidirectional control reached the page");
        Assert.Contains("<U+202E>LPP", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Hugo_draws_no_script_link_from_remote_markdown_in_any_container_or_indent()
    {
        // Where Goldmark's blocks differ from Markdig's (a definition in a list item, a footnote nothing
        // cites, tabs), code to one is text to the other: every link form under every container and indent.
        var hugo = MachineTool.Hugo.Require();
        using var site = NewHugoSite();
        string[] containers = ["", "Term\n\n:   see\n\n", "[^1]: note\n\n", "Text[^1]\n\n[^1]: note\n\n", "- item\n\n", "1. item\n\n", "> quote\n>\n", "- Term\n\n  :   see\n\n", "Term\n\n:   - x\n\n", "|a|b|\n|-|-|\n| ", "<!--\n", "```\n"];
        string[] indents = ["", " ", "   ", "    ", "      ", "        ", "\t", "\t\t"];
        string[] links = ["[y](JaVaScRiPt:alert(1))", "<JaVaScRiPt:alert(2)>", "[y][r]\n\n[r]: JaVaScRiPt:alert(3)", "![y](JaVaScRiPt:alert(4))", "<div>\n[y](JaVaScRiPt:alert(5))\n</div>", "[y](&#74;avascript&#58;alert(6))", "{{< youtube x >}} `{{<` {{% ref \"x\" %}}"];
        var pages = 0;
        foreach (var container in containers)
        {
            foreach (var indent in indents)
            {
                foreach (var link in links)
                {
                    var markdown = container + string.Join("\n", link.Split('\n').Select(line => line.Length == 0 ? line : indent + line));
                    site.Write($"content/m{pages++}.md", "---\ntitle: \"m\"\n---\n" + HugoMarkdownFunctions.Block(markdown, "https://gitlab.example.ac.id/ppl/sira-backend/-/merge_requests/7") + "\n");
                }
            }
        }

        Build(hugo, site);

        var built = Directory.GetFiles(site.Combine("public"), "index.html", SearchOption.AllDirectories);
        Assert.True(built.Length > pages, $"hugo wrote {built.Length} pages for {pages}");
        var unsafePages = built.Where(page =>
        {
            var document = new HtmlParser().ParseDocument(File.ReadAllText(page));
            return document.QuerySelectorAll("iframe, script").Length > 0
                || document.QuerySelectorAll("a[href], img[src]").Any(e => !LeadsToWebOrMail(e.GetAttribute("href") ?? e.GetAttribute("src")!));
        }).Select(page => File.ReadAllText(site.Combine("content", Path.GetFileName(Path.GetDirectoryName(page)!) + ".md"))).ToList();
        Assert.True(unsafePages.Count == 0, $"{unsafePages.Count} pages run or link a script, e.g.:\n{unsafePages.FirstOrDefault()}");
    }

    private static TempDirectory NewHugoSite()
    {
        var site = new TempDirectory();
        site.Write("config.toml", Config + "\n");
        site.Write("layouts/_default/single.html", Layout + "\n");
        site.Write("layouts/_default/list.html", Layout + "\n");
        site.Write("layouts/shortcodes/hello.html", "<span class=\"hello-shortcode\">hello</span>\n");
        return site;
    }

    /// <summary>
    /// Whether a browser following <paramref name="url"/> goes to http, https or mailto, or stays
    /// relative: it drops tabs and line breaks, trims control characters and spaces, and reads a scheme
    /// only from an ASCII letter and letters, digits, '+', '-' and '.' up to a colon (a zero-width space first makes it relative).
    /// </summary>
    private static bool LeadsToWebOrMail(string url)
    {
        var scheme = Regex.Match(Regex.Replace(url, "[\\t\\n\\r]", "").Trim(Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray()), "^([A-Za-z][A-Za-z0-9+.-]*):");
        return !scheme.Success || scheme.Groups[1].Value.ToLowerInvariant() is "http" or "https" or "mailto";
    }

    // Goldmark's typographer curls quotes and apostrophes.
    private static string Typed(string text) => text.Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u2019', '\'').Replace('\u2018', '\'');

    private void Build(string hugo, TempDirectory site)
    {
        var start = new ProcessStartInfo(hugo)
        {
            WorkingDirectory = site.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--source", site.Path, "--destination", site.Combine("public"), "--cacheDir", site.Combine(".hugo-cache"), "--quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "hugo did not finish within 2 minutes");
        output.WriteLine(stdout.Result + stderr.Result);
        Assert.True(process.ExitCode == 0, $"hugo failed ({process.ExitCode}): {stderr.Result}");
    }
}
