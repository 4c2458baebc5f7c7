using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Reports.Config;
using Reports.Rendering;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

/// <summary>
/// The md functions over hostile Markdown from GitLab and Linear, for the HTML site and for Hugo: no
/// script link in any of Markdown's link forms, relative links as on GitLab, no hidden bidirectional
/// controls, and for Hugo no shortcode.
/// </summary>
public sealed class UntrustedMarkdownTests
{
    private const string MergeRequest = "https://gitlab.example.ac.id/ppl/sira-backend/-/merge_requests/7";

    // CommonMark alone, and with the extensions Hugo turns on in Goldmark: the links other renderers would draw.
    private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().Build();
    private static readonly MarkdownPipeline GoldmarkLike = new MarkdownPipelineBuilder().UseDefinitionLists().UsePipeTables().UseFootnotes().Build();

    public static TheoryData<string, bool> ScriptLinks()
    {
        var data = new TheoryData<string, bool>();
        foreach (var hugo in new[] { false, true })
        {
            foreach (var markdown in new[]
            {
                "see [y](JaVaScRiPt:alert(3)) here",
                "see [y](<JaVaScRiPt:alert(3)> \"t\") here",
                "see [y](javascript&#58;alert(3)) here",
                "see [y](&#74;avascript:alert(3)) here",
                "see <JaVaScRiPt:alert(4)> y",
                "see [y][r] here\n\n[r]: JaVaScRiPt:alert(5)",
                "see [y][] here\n\n[y]: JaVaScRiPt:alert(5) 'title'",
                "see [y] here\n\n[Y]: <JaVaScRiPt:alert(5)>",
                "see ![y](JaVaScRiPt:alert(6)) here",
                "see [![y](https://ci.example/b.svg)](JaVaScRiPt:alert(7)) here",
                "see [y](data:text/html,hi) and [y](VBScript:x) and [y](file:///etc/passwd)",
                "- [# y](JaVaScRiPt:alert(8))\n- [y](JaVaScRiPt:alert(8))",
                "see [y]() and [y](<>) and [y][e] here\n\n[e]: <>",
                "<div>\n[y](JaVaScRiPt:alert(9))\n</div>",
                "Term\n\n:   see\n\n      [y](JaVaScRiPt:alert(10))",
                "Text\n\n[^1]: note\n\n [y](JaVaScRiPt:alert(11))",
                "[[[[[[y](JaVaScRiPt:1)](JaVaScRiPt:2)](JaVaScRiPt:3)](JaVaScRiPt:4)](JaVaScRiPt:5)](JaVaScRiPt:6)",
                "see <b title=\"[y](JaVaScRiPt:alert(9))\">y</b>",
                "- <pre>\n\n    [y](JaVaScRiPt:alert(9))\n  </pre>",
                "> <div>\n> <JaVaScRiPt:alert(9)> [y][r]\n\n[r]: JaVaScRiPt:alert(9)",
            })
            {
                data.Add(markdown, hugo);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScriptLinks))]
    public void A_script_link_in_any_of_markdowns_forms_becomes_its_text(string markdown, bool hugo)
    {
        var block = Block(hugo)(markdown, MergeRequest);

        Assert.All(Links(block), url => Assert.Matches("^(https?|mailto):.", url));
        Assert.Contains("y", Html(block), StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"", Html(block).Replace("<a href=\"https://ci.example", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_relative_link_resolves_against_the_merge_request_and_is_text_without_one(bool hugo)
    {
        const string Comment = "See [the screenshot](/uploads/0a1b/shot.png) and [my note](#note_5 \"earlier\").";

        Assert.Equal(
            "See [the screenshot](https://gitlab.example.ac.id/ppl/sira-backend/uploads/0a1b/shot.png) and [my note](" + MergeRequest + "#note_5 \"earlier\").",
            Block(hugo)(Comment, MergeRequest));
        Assert.Equal("See the screenshot and my note.", Block(hugo)(Comment, null));
        Assert.Equal("See the screenshot and my note.", Inline(hugo)(Comment, null));
    }

    [Fact]
    public void A_template_that_passes_no_web_url_still_renders_and_its_relative_links_are_text()
    {
        using var overrides = new TempDirectory();
        overrides.Write("report.md.sbn", "{{ md.block '[shot](/uploads/a.png) [x](JaVaScRiPt:alert(1))' }}|{{ md.inline '[n](#note_1)' }}|{{ md.block '[shot](/uploads/a.png)' '" + MergeRequest + "' }}|{{ md.text ('{' + '{% x %}}') }}\n");
        var engine = new TemplateEngine(new TemplateRoots(RepoPaths.Templates, overrides.Path));

        Assert.Equal("shot x|n|[shot](https://gitlab.example.ac.id/ppl/sira-backend/uploads/a.png)|&#123;&#123;% x %}}\n", engine.Render("report.md.sbn", new { }));
        Assert.Equal("shot x|n|[shot](https://gitlab.example.ac.id/ppl/sira-backend/uploads/a.png)|\\{\\{% x %}}\n", engine.Render("report.md.sbn", new { }, format: SiteFormat.Hugo));
    }

    [Fact]
    public void A_reference_definition_is_resolved_where_it_stands()
    {
        Assert.Equal(
            "[y][r] and [r]\n\n[r]: https://gitlab.example.ac.id/ppl/sira-backend/uploads/x.png \"t\"",
            MarkdownFunctions.Block("[y][r] and [r]\n\n[r]: /uploads/x.png 't'", MergeRequest));
    }

    [Theory]
    [InlineData("![diagram](https://x.example/d.png)", "[diagram](https://x.example/d.png)")]
    [InlineData("![](https://x.example/d.png)", "[image](https://x.example/d.png)")]
    [InlineData("[![build](https://ci.example/b.svg)](https://ci.example)", "[build](https://ci.example)")]
    [InlineData("![shot](/uploads/a/s.png)", "[shot](https://gitlab.example.ac.id/ppl/sira-backend/uploads/a/s.png)")]
    public void An_image_becomes_a_link_to_it_so_the_page_requests_nothing_from_another_host(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownFunctions.Block(markdown, MergeRequest));
        Assert.Equal(expected, HugoMarkdownFunctions.Block(markdown, MergeRequest));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bidirectional_controls_show_as_markers_in_text_code_entities_html_and_links(bool hugo)
    {
        const string Comment = "a\u202Eb `c\u2066d` &#x202E; &rlm; <b title=\"\u202D\">x</b> [l\u061C](https://x.example/\u202E \"t\u200E\")\n\n```\nif (admin\u202E) {}\n```";

        var block = Block(hugo)(Comment, MergeRequest);

        Assert.False(BidiControls.ContainsAny(block), block);
        var html = Html(block);
        Assert.False(BidiControls.ContainsAny(html), html);
        foreach (var marker in new[] { "a<U+202E>b", "c<U+2066>d", "<U+202E> <U+200F>", "title=\"<U+202D>\"", "l<U+061C>", "admin<U+202E>" })
        {
            Assert.Contains(marker, new HtmlParser().ParseDocument(html).Body!.TextContent);
        }

        Assert.Contains("https://x.example/%E2%80%AE", html);
        Assert.Equal("a\\<U+202E>b", (hugo ? (Func<string?, string>)HugoMarkdownFunctions.Text : MarkdownFunctions.Text)("a\u202Eb"));
        Assert.Equal("`a<U+2067>b`", (hugo ? (Func<string?, string>)HugoMarkdownFunctions.CodeSpan : MarkdownFunctions.CodeSpan)("a\u2067b"));
    }

    [Fact]
    public void Every_brace_of_remote_text_is_escaped_for_hugo_and_in_text_for_the_site_where_markdig_reads_attributes()
    {
        const string Title = "{{% ref \"x\" %}} {{< youtube abc >}} {.class #id}";

        Assert.Equal("\\{\\{% ref \"x\" %}} \\{\\{< youtube abc >}} \\{.class #id}", HugoMarkdownFunctions.Text(Title));
        Assert.Equal("&#123;&#123;% ref \"x\" %}} &#123;&#123;< youtube abc >}} &#123;.class #id}", MarkdownFunctions.Text(Title));
        Assert.Equal("\\{\\{% ref \"x\" %}} **\\{\\{< youtube abc >}}** \\{.class #id}", HugoMarkdownFunctions.Inline("{{% ref \"x\" %}} **{{< youtube abc >}}** {.class #id}"));
    }

    [Fact]
    public void For_the_site_code_is_kept_exactly_as_written()
    {
        const string Fix = "{{< ref \"x\" >}}\n{{% unclosed";

        Assert.Equal("```go\n" + Fix + "\n```", MarkdownFunctions.Code(Fix, "go"));
        Assert.Equal("`{{<`", MarkdownFunctions.CodeSpan("{{<"));
        Assert.Equal("```go\n{{</* ref \"x\" */>}}\n{{\u200B% unclosed\n```", HugoMarkdownFunctions.Code(Fix, "go"));
    }

    public static TheoryData<string> Shortcodes() =>
    [
        "{{< ref \"x\" >}}",
        "{{% ref \"x\" %}}",
        "{{< youtube dQw4w9WgXcQ >}}",
        "{{<",
        "{{%",
        "{{</* */>}}",
        "{{</* never closed",
        "a {{{{< b",
        "`{{< ref \"x\" >}}` and `{{<`",
        "```\n{{< ref \"x\" >}}\n{{% unclosed\n```",
        "    {{< indented code >}}",
        "<b>{{% ref \"x\" %}}</b>",
        "<div>\n{{% ref \"x\" %}}\n</div>",
        "[{{< ref \"x\" >}}](https://x.example/{{%y%}} \"{{< ref >}}\")",
        "<https://x.example/{{%25%}}>",
        "[a][{{%r}}]\n\n[{{%r}}]: https://x.example/",
        "<!--more--> `<!--more-->`",
    ];

    [Theory]
    [MemberData(nameof(Shortcodes))]
    public void For_hugo_no_md_function_leaves_a_shortcode_or_an_unclosed_comment(string text)
    {
        var written = new Dictionary<string, string>
        {
            ["text"] = HugoMarkdownFunctions.Text(text),
            ["inline"] = HugoMarkdownFunctions.Inline(text, MergeRequest),
            ["block"] = HugoMarkdownFunctions.Block(text, MergeRequest),
            ["code_span"] = HugoMarkdownFunctions.CodeSpan(text),
            ["code"] = HugoMarkdownFunctions.Code(text),
            ["url"] = HugoMarkdownFunctions.Url("https://x.example/" + text),
        };

        foreach (var (function, markdown) in written)
        {
            Assert.True(HugoLexer.Print(markdown) is not null, $"md.{function} leaves a shortcode: {markdown}");
            Assert.DoesNotContain("<!--more-->", markdown, StringComparison.Ordinal);
        }

        // Code prints as written, with at most a zero-width space in an unclosed opening.
        Assert.Equal(HugoLexer.Print(written["code"])!.Replace("\u200B", "", StringComparison.Ordinal), MarkdownFunctions.Code(text));
    }

    [Theory]
    [InlineData("{{% ref \"x\" %}} and {{< youtube abc >}}")]
    [InlineData("{.class #id onclick=alert(1)} \\{ \\\\{ {{{")]
    [InlineData("<U+202E> `x` *y* [z]")]
    public void For_hugo_text_renders_back_to_exactly_the_input(string text)
    {
        var html = Markdown.ToHtml(HugoMarkdownFunctions.Text(text), CommonMark);

        Assert.Equal(text, new HtmlParser().ParseDocument(html).Body!.TextContent.TrimEnd('\n'));
    }

    [Fact]
    public void The_students_notes_keep_their_shortcodes_and_relative_links_but_not_script_links()
    {
        const string Notes = "{{< figure src=\"chart.png\" >}} see [last week](../sprint-2-week-1/) and [x](JaVaScRiPt:alert(1)) <b>bold</b> \u202E";

        Assert.Equal(
            "{{< figure src=\"chart.png\" >}} see [last week](../sprint-2-week-1/) and x \\<b>bold\\</b> \u202E",
            UntrustedMarkdown.Notes(Notes));
        Assert.Empty(Links(UntrustedMarkdown.Notes("<div>\n[x](JaVaScRiPt:alert(1))\n</div>")));
    }

    private static Func<string?, string?, string> Block(bool hugo) => hugo ? HugoMarkdownFunctions.Block : MarkdownFunctions.Block;

    private static Func<string?, string?, string> Inline(bool hugo) => hugo ? HugoMarkdownFunctions.Inline : MarkdownFunctions.Inline;

    private static string Html(string markdown) => Markdown.ToHtml(markdown, CommonMark);

    /// <summary>Every destination CommonMark reads in <paramref name="markdown"/>: links, images, autolinks.</summary>
    private static List<string> Links(string markdown) =>
        [.. new[] { CommonMark, GoldmarkLike }.SelectMany(pipeline => Markdown.Parse(markdown, pipeline).Descendants()).SelectMany<MarkdownObject, string>(node => node switch
        {
            LinkInline link => [link.Url ?? ""],
            AutolinkInline autolink => [autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url],
            _ => [],
        })];
}
