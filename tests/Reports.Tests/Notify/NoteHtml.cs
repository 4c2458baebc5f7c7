using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;

namespace Reports.Tests.Notify;

/// <summary>
/// A note as a Markdown renderer shows it: Markdig with GitHub-style extensions (pipe tables,
/// autolinks), the HTML parsed with AngleSharp, read back as the table's cells.
/// </summary>
internal static class NoteHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static IDocument Document(string body) => new HtmlParser().ParseDocument(Markdown.ToHtml(body, Pipeline));

    /// <summary>The table's body rows; each cell's text (word joiners removed) and its link, if it is one.</summary>
    public static IReadOnlyList<Cell[]> Rows(string body) =>
        [.. Document(body).QuerySelectorAll("table tbody tr").Select(row => row.Children.Select(Cell.Of).ToArray())];

    public static string? Summary(string body) => Document(body).QuerySelector("details > summary")?.TextContent.Trim();

    /// <summary>One table cell: what a reader sees, the link's target if the whole cell is a link, and its HTML.</summary>
    internal sealed record Cell(string Text, string? Link, IElement Element)
    {
        public static Cell Of(IElement element) => new(
            element.TextContent.Replace("\u2060", "", StringComparison.Ordinal).Trim(),
            element.QuerySelector("a")?.GetAttribute("href"),
            element);
    }
}
