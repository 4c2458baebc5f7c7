using AngleSharp.Html.Parser;
using Markdig;
using Reports.Rendering;

namespace Reports.Tests.Rendering;

/// <summary>
/// <c>md.text</c> escapes only what Markdown would read: the text reads back as written wherever a
/// template puts it, and <c>report.md</c> keeps no needless backslash.
/// </summary>
public sealed class TextEscaperTests
{
    // Where the templates put md.text: {0} is the text.
    private static readonly string[] Places =
    [
        "{0}",
        "x {0} y",
        "**{0}**",
        "*({0})*",
        "[{0}](https://a.example/)",
        "| {0} | b |\n|---|---|\n| c | d |",
        "## {0}",
        "### MR !1: {0} (2 issues found)",
        "- {0}",
        "{0} {0}",
        "1. {0}: z",
        "[!7](https://a.example/) · {0} · [x](https://b.example/)",
    ];

    private static readonly HtmlParser Html = new();

    [Theory]
    [InlineData("PPL: Communication and Knowledge Sharing [Sprint 2, Week 1]", "PPL: Communication and Knowledge Sharing [Sprint 2, Week 1]")]
    [InlineData("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>")]
    [InlineData("a < b and c > d, x=1, y == z", "a < b and c > d, x=1, y == z")]
    [InlineData("snake_case_name and 2 * 3", "snake_case_name and 2 * 3")]
    [InlineData("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_")]
    [InlineData("[link](https://evil.example) ![img](x)", "\\[link\\](https://evil.example) !\\[img\\](x)")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("Port to C#", "Port to C#")]
    [InlineData("Fix issue #", "Fix issue \\#")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("R&D, &amp; &#60;", "R&D, \\&amp; \\&#60;")]
    [InlineData("`code` and back\\slash and end\\", "\\`code\\` and back\\slash and end\\\\")]
    [InlineData("[x]", "\\[x\\]")]
    [InlineData("unclosed [ bracket", "unclosed \\[ bracket")]
    [InlineData("~~strike~~ ^sup^ $x$ costs $ 5", "\\~\\~strike~~ \\^sup^ \\$x\\$ costs \\$ 5")]
    [InlineData("Add C++ support, ==mark==", "Add C++ support, \\=\\=mark\\=\\=")]
    [InlineData("Refactor {id} handling", "Refactor &#123;id} handling")]
    public void Text_keeps_a_backslash_only_where_markdown_would_read_the_character(string text, string expected)
    {
        Assert.Equal(expected, MarkdownFunctions.Text(text));
    }

    [Fact]
    public void Every_text_reads_back_as_itself_wherever_a_template_puts_it()
    {
        var random = new Random(20);
        const string alphabet = "ab1 *_[]()<>!#=+-~^$&;:|`\\{}\"./xX";
        var failures = new List<string>();
        for (var n = 0; n < 4000 && failures.Count < 5; n++)
        {
            var chars = new char[random.Next(1, 10)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            foreach (var place in Places)
            {
                if (Problem(place, text) is { } problem)
                {
                    failures.Add($"'{text}' in '{place.ReplaceLineEndings("⏎")}': {problem}");
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>
    /// Why <paramref name="text"/> escaped into <paramref name="place"/> does not read as written: the page
    /// shows other words, or other elements than a plain word there would give. Null when it reads right.
    /// </summary>
    private static string? Problem(string place, string text)
    {
        foreach (var pipeline in new[] { MarkdownSyntax.Pipeline, new MarkdownPipelineBuilder().Build() })
        {
            var escaped = MarkdownFunctions.Text(text);
            var shown = Body(string.Format(place, escaped), pipeline);
            var plain = Body(string.Format(place, "v"), pipeline);
            if (Skeleton(shown) != Skeleton(plain))
            {
                return $"'{escaped}' gives {Skeleton(shown)}, not {Skeleton(plain)}";
            }

            // The place's own words (it has no 'v') with the text where the plain word stood.
            if (Words(shown.TextContent) != Words(plain.TextContent).Replace("v", Words(text), StringComparison.Ordinal))
            {
                return $"'{escaped}' reads '{shown.TextContent.Trim()}'";
            }
        }

        return null;
    }

    private static AngleSharp.Dom.IElement Body(string markdown, MarkdownPipeline pipeline) =>
        Html.ParseDocument(Markdown.ToHtml(markdown, pipeline)).Body!;

    private static string Skeleton(AngleSharp.Dom.IElement body) => string.Join(' ', body.QuerySelectorAll("*").Select(e => e.TagName));

    private static string Words(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
