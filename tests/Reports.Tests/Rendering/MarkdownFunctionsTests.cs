using Markdig;
using Reports.Rendering;

namespace Reports.Tests.Rendering;

public sealed class MarkdownFunctionsTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("**not bold** _nor this_ `nor code`")]
    [InlineData("[link](https://evil.example) ![img](x)")]
    [InlineData("1. not a list")]
    [InlineData("- not a list")]
    [InlineData("# not a heading")]
    [InlineData("a | b | c")]
    [InlineData("~~no strike~~ $x$ ^sup^ ==mark== &amp; &lt;")]
    [InlineData("back\\slash")]
    public void Text_renders_back_to_exactly_the_input(string text)
    {
        var html = Markdown.ToHtml(MarkdownFunctions.Text(text), Pipeline);

        var paragraph = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!;
        Assert.Equal(text, paragraph.TextContent.TrimEnd('\n'));
        Assert.Single(paragraph.Children);
        Assert.Equal("P", paragraph.Children[0].TagName);
    }

    [Fact]
    public void Text_folds_line_breaks()
    {
        Assert.Equal("one two", MarkdownFunctions.Text("one\r\ntwo"));
    }

    [Fact]
    public void Block_keeps_markdown_but_shows_raw_html_as_text()
    {
        var block = MarkdownFunctions.Block("**bold** <img src=x onerror=alert(1)>\n\n<div>\nblock\n</div>\n\n```html\n<b>code</b>\n```");

        var html = Markdown.ToHtml(block, Pipeline);

        Assert.Contains("<strong>bold</strong> &lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("&lt;div&gt;", html);
        Assert.Contains("<code class=\"language-html\">&lt;b&gt;code&lt;/b&gt;", html);
        Assert.DoesNotContain("<img", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "#")]
    [InlineData("data:text/html,hi", "#")]
    [InlineData("/relative", "#")]
    [InlineData(null, "#")]
    [InlineData("https://gitlab.example/a (b)", "https://gitlab.example/a%20%28b%29")]
    [InlineData("https://gitlab.example/g/p/-/merge_requests/1#note_2", "https://gitlab.example/g/p/-/merge_requests/1#note_2")]
    public void Url_passes_only_web_links(string? url, string expected)
    {
        Assert.Equal(expected, MarkdownFunctions.Url(url));
    }

    [Fact]
    public void Code_fence_is_longer_than_any_backtick_run_inside()
    {
        Assert.Equal("````md\na ``` b\n````", MarkdownFunctions.Code("a ``` b\n", "md"));
        Assert.Equal("```python\nx\n```", MarkdownFunctions.Code("x", "python\" <b>"));
    }
}
