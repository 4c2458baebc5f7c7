using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Reports.Tests;

public sealed class UniqueHeadingIdsTests
{
    private static readonly MarkdownPipeline MarkdigOwn = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.AllowOnlyAscii)
        .UseAdvancedExtensions()
        .Build();

    [Theory]
    [InlineData("## Reviews\n\n## Reviews\n\n## Reviews\n")]
    [InlineData("## a-2\n\n## a\n\n## a\n\n## a\n\n## a-1\n")]
    [InlineData("Setext\n======\n\n## Setext\n\nSetext\n------\n")]
    [InlineData("## \n\n## !!!\n\n## 2025 plan\n\n## Überblick\n\n## [link](https://x) *emph*\n")]
    [InlineData("## Reviews {#reviews}\n\n## Reviews\n\n## Reviews {#reviews-1}\n\n## Reviews\n")]
    public void Ids_are_the_ones_markdig_gives(string markdown)
    {
        Assert.Equal(Markdown.ToHtml(markdown, MarkdigOwn), Markdown.ToHtml(markdown, MarkdownSyntax.Pipeline));
    }

    [Fact]
    public void Generated_documents_get_the_ids_markdig_gives()
    {
        var random = new Random(20261207);
        string[] names = ["Reviews", "reviews-1", "Reviews 1", "a", "a-2", "", "Plan", "plan-1-1"];
        for (var i = 0; i < 300; i++)
        {
            var markdown = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => $"## {names[random.Next(names.Length)]}\n\ntext\n\n"));

            Assert.Equal(Markdown.ToHtml(markdown, MarkdigOwn), Markdown.ToHtml(markdown, MarkdownSyntax.Pipeline));
        }
    }
}
