using System.Text;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Reports.Rendering;

namespace Reports.Tests.Rendering;

/// <summary>
/// The report body is written to <see cref="HtmlPolicy"/> while it is rendered, not sanitized
/// afterwards. These tests hold that output to a well-kept sanitizer: HtmlSanitizer, given the same
/// policy, must find nothing to remove from the body of any Markdown, however hostile.
/// </summary>
public sealed class HtmlPolicyTests
{
    private const int Seed = 20261129;

    // Pieces a hostile or careless notes file could hold: raw HTML of every kind, links and images
    // with every scheme trick, {…} attributes, and the extensions' own syntax.
    private static readonly string[] Pieces =
    [
        "text", "**bold**", "`code <b>`", "\n\n", "\n", "# Heading {#id .cls onclick=alert(1) style=\"color:red\" href=\"javascript:x\"}\n",
        "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<style>body{display:none}</style>", "<img src=x onerror=alert(1)>",
        "<img alt=\"a pic\" src=https://evil.example/p.png>", "<svg onload=alert(1)><circle r=5/></svg>", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<iframe src=https://evil.example></iframe>", "<object data=x.swf></object>", "<embed src=x>", "<form action=https://evil.example><button>go</button></form>",
        "<input autofocus onfocus=alert(1)>", "<input type=checkbox disabled checked>", "<textarea>t</textarea>", "<select><option>a</select>",
        "<a href=\"javascript:alert(1)\">js</a>", "<a href=\"JaVaScRiPt:alert(1)\">js</a>", "<a href=\"java&#x09;script:alert(1)\">tab</a>",
        "<a href=\" javascript:alert(1)\">space</a>", "<a href=\"data:text/html,<script>alert(1)</script>\">data</a>", "<a href=\"vbscript:msgbox\">vb</a>",
        "<a href=\"https://ok.example/\" title=\"t\" target=\"_blank\" onclick=\"x\">ok</a>", "<a href=\"../page.html#x:y\">rel</a>", "<a href=\"mailto:a@b.example\">mail</a>",
        "<div class=\"narrative\">", "</div>", "<details open><summary>Fix</summary>", "</details>", "<div class=\"chart\" id=\"chart-severity\">",
        "<p style=\"background:url(javascript:alert(1))\">styled</p>", "<table><tr><td onmouseover=alert(1)>cell</td></tr></table>", "<kbd>Ctrl</kbd>",
        "<!-- comment <script>alert(1)</script> -->", "<![CDATA[<script>alert(1)</script>]]>", "<?php echo 1 ?>", "<!DOCTYPE html>", "<base href=https://evil.example/>",
        "<meta http-equiv=refresh content=\"0;url=https://evil.example\">", "<link rel=stylesheet href=https://evil.example/x.css>", "<b onmouseover=alert(1)>hover</b>",
        "<a href=x onclick=alert(1)", "<div <script>alert(1)</script>>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "[link](javascript:alert(1))", "[link](JAVASCRIPT:alert(1) \"title\")", "[link](<java\nscript:alert(1)>)", "[link](java&#9;script:alert(1))", "[ok](https://ok.example)",
        "[rel](../x/index.html)", "[frag](#top)", "![alt text](https://evil.example/p.png)", "![](javascript:alert(1))", "[![nested](x.png)](javascript:alert(1))",
        "<javascript:alert(1)>", "<https://ok.example/auto>", "<a@b.example>", "www.evil.example/auto", "https://ok.example/bare",
        "[ref]\n\n[ref]: javascript:alert(1)\n", "[x](https://ok.example){onclick=alert(1) href=javascript:alert(2) title=t}",
        "\n| a | b |\n|:--|--:|\n| <script>x</script> | [y](javascript:1) |\n", "\n- [x] done\n- [ ] open\n", "\n> [!WARNING]\n> careful\n",
        "\n::: warning {onclick=alert(1)}\ncontainer\n:::\n", "Footnote[^1]\n\n[^1]: note <img src=x onerror=alert(1)>\n", "$x < y$", "\n```mermaid\ngraph <script>\n```\n",
        "\n```html\n<script>alert('in code is fine')</script>\n```\n", "*[HTML]: Hyper <b>Text</b>\nHTML", "\n    <script>indented code</script>\n",
        "&lt;script&gt;", "&#60;img src=x onerror=alert(1)&#62;", "\u0000", "\"quotes\" & 'apostrophes'",
        "<table><tr><td>open cell", "</ul></li><li>", "<b>unclosed", "<ol><li>", "</div></div>", "\n- item\n- <table>\n- next\n",
        "\n1. one\n2. <b>two\n3. three\n", "</details>", "<li>stray item</li>", "</p></td></tr></table>",
    ];

    [Fact]
    public void The_body_of_any_markdown_is_already_what_the_sanitizer_would_leave()
    {
        var random = new Random(Seed);
        var converter = new HtmlConverter();
        var sanitizer = Oracle();
        for (var i = 0; i < 3000; i++)
        {
            var markdown = new StringBuilder();
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                markdown.Append(Pieces[random.Next(Pieces.Length)]).Append(random.Next(3) == 0 ? "\n\n" : " ");
            }

            var html = converter.ToHtml(markdown.ToString());

            var expected = Canonical(sanitizer.Sanitize(html));
            var actual = Canonical(html);
            Assert.True(expected == actual, $"seed {Seed}, document #{i}:\n{markdown}\n\nrendered:\n{actual}\n\nsanitized:\n{expected}");
            var page = Page(html);
            Assert.True(page.QuerySelectorAll("li").All(li => li.ParentElement!.LocalName is "ul" or "ol"), $"seed {Seed}, document #{i}: a list item outside a list\n{markdown}\n\nrendered:\n{html}");
        }
    }

    [Fact]
    public void Every_piece_alone_is_already_what_the_sanitizer_would_leave()
    {
        var converter = new HtmlConverter();
        var sanitizer = Oracle();
        foreach (var piece in Pieces)
        {
            var html = converter.ToHtml(piece);

            Assert.True(Canonical(sanitizer.Sanitize(html)) == Canonical(html), $"{piece}\n\nrendered:\n{html}");
        }
    }

    [Theory]
    [InlineData("https://gitlab.example/x", true)]
    [InlineData("HTTP://x", true)]
    [InlineData("mailto:a@b.example", true)]
    [InlineData("../sprint-2-week-1/index.html", true)]
    [InlineData("#note_1", true)]
    [InlineData("a/b:c", true)]
    [InlineData("?q=x:y", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData(" \u0001javascript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Only_web_and_mail_links_or_links_within_the_site_are_safe(string url, bool safe) =>
        Assert.Equal(safe, HtmlPolicy.IsSafeUrl(url));

    [Fact]
    public void Raw_html_keeps_its_allowed_tags_and_loses_code_handlers_and_styles()
    {
        var html = new HtmlConverter().ToHtml(
            "Press <kbd onclick=\"alert(1)\" style=\"color:red\">Ctrl</kbd> <script>alert('gone')</script>and <img alt=\"the diagram\" src=\"https://evil.example/d.png\">.\n\n" +
            "<details open><summary>Fix</summary>\n\n```js\nfix();\n```\n\n</details>\n");

        Assert.Contains("Press <kbd>Ctrl</kbd> and [the diagram].", html);
        Assert.DoesNotContain("gone", html);
        Assert.Contains("<details open=\"\"><summary>Fix</summary>", html);
        Assert.Contains("<pre><code class=\"language-js\">fix();\n</code></pre>\n</details>", html);
    }

    [Theory]
    [InlineData("<textarea>")]
    [InlineData("<xmp>")]
    [InlineData("<title>")]
    [InlineData("<noscript>")]
    [InlineData("<plaintext>")]
    [InlineData("<select>")]
    [InlineData("<svg>")]
    [InlineData("<!--")]
    public void An_unclosed_tag_in_the_notes_hides_nothing_after_them(string tag)
    {
        // Sanitizing the finished page as one document, such a tag swallowed every section after the
        // notes. (After "<textarea>" or "<!--" on a line of its own, CommonMark reads the rest of the
        // Markdown as one HTML block, as GitLab does: its text still shows.)
        var html = new HtmlConverter().ToHtml($"<div class=\"narrative\">\n\nMy notes {tag} end.\n\n{tag}\n\n</div>\n\n## Reviews\n\nThe rest of the report.\n");

        var document = Page(html);

        Assert.Contains("My notes", document.QuerySelector("div.narrative")!.TextContent);
        Assert.Contains("Reviews", document.Body!.TextContent);
        Assert.Contains("The rest of the report.", document.Body.TextContent);
    }

    [Fact]
    public void A_script_in_a_line_goes_with_its_code_and_an_unclosed_one_only_as_a_tag()
    {
        var converter = new HtmlConverter();

        Assert.Equal("<p>Before  after.</p>\n", converter.ToHtml("Before <script>alert(1)</script> after."));
        Assert.Equal("<p>I dislike  tags in notes.</p>\n", converter.ToHtml("I dislike <style> tags in notes."));
    }

    [Theory]
    [InlineData("<table><tr><td>cell")]
    [InlineData("</ul></li><li>")]
    [InlineData("<ol><li>")]
    [InlineData("<dl><dt>")]
    [InlineData("</div></div>")]
    public void Raw_html_in_a_list_item_leaves_the_list_whole(string html)
    {
        var body = new HtmlConverter().ToHtml($"<div class=\"narrative\">\n\n- first\n- {html}\n- <b>bold\n- last\n\n</div>\n\nAfter.\n");

        var document = Page(body);

        Assert.Equal(["first", "last"], document.QuerySelectorAll("div.narrative > ul > li").Select(li => li.TextContent.Trim()).Where(t => t is "first" or "last"));
        Assert.All(document.QuerySelectorAll("li"), li => Assert.Contains(li.ParentElement!.LocalName, new[] { "ul", "ol" }));
        Assert.Equal("After.", document.Body!.Children.Last().TextContent);
    }

    [Fact]
    public void Text_level_tags_still_span_the_text_between_them()
    {
        Assert.Equal("<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O.</p>\n", new HtmlConverter().ToHtml("Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O."));
    }

    [Fact]
    public void Links_with_another_scheme_keep_their_text_and_lose_the_link()
    {
        var html = new HtmlConverter().ToHtml("See [this](javascript:alert(1)), <javascript:alert(2)> and [that](https://ok.example/).");

        Assert.Equal("<p>See this, javascript:alert(2) and <a href=\"https://ok.example/\">that</a>.</p>\n", html);
    }

    [Fact]
    public void Headings_get_ids_but_bracketed_text_naming_one_stays_text_while_reference_links_still_resolve()
    {
        var html = new HtmlConverter().ToHtml("## Summary\n\nSee [Summary] and [the board][Board].\n\n[board]: https://ok.example/board\n");

        Assert.Equal("<h2 id=\"summary\">Summary</h2>\n<p>See [Summary] and <a href=\"https://ok.example/board\">the board</a>.</p>\n", html);
    }

    [Fact]
    public void A_page_converts_the_same_whatever_was_converted_before()
    {
        const string Page = "<div class=\"narrative\">\n\nMy notes.\n\n</div>\n\n- item\n\n> quote\n";
        var converter = new HtmlConverter();
        var first = converter.ToHtml(Page);

        // Left open, half a list and a quote deep: none of it may carry over.
        converter.ToHtml("<div class=\"narrative\">\n\n<details>\n\n> - a\n>   - b\n>\n>     ```\n>     code");
        var again = converter.ToHtml(Page);

        Assert.Equal(first, again);
        Assert.StartsWith("<div class=\"narrative\">\n<p>My notes.</p>\n</div>\n", again);
    }

    // The policy as HtmlSanitizer reads it.
    private static HtmlSanitizer Oracle() => new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(HtmlPolicy.AllowedTags, StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(HtmlPolicy.AllowedAttributes, StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(HtmlPolicy.AllowedSchemes, StringComparer.OrdinalIgnoreCase),
        UriAttributes = new HashSet<string>(HtmlPolicy.UriAttributes, StringComparer.OrdinalIgnoreCase),
    });

    // The HTML as a browser's tree in the page (a standards-mode document), written back: two
    // strings are equal when they make the same page.
    // A body as a browser builds its page from it.
    private static IHtmlDocument Page(string body) => new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + body);

    private static string Canonical(string html) =>
        new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default)).ParseDocument("<!DOCTYPE html><html><body>" + html).Body!.InnerHtml;
}
