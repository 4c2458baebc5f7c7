using AngleSharp.Html.Parser;

namespace Reports.Tests.Support;

/// <summary>
/// The words a reader sees in a report's Markdown, as issue 20 measures them against the seed's <c>wc -w</c>:
/// the rendered text outside fenced code, a <c>&lt;details&gt;</c> by its <c>&lt;summary&gt;</c> only, and no
/// link target (a link shows its text).
/// </summary>
internal static class VisibleWords
{
    public static int Count(string markdown)
    {
        var body = new HtmlParser().ParseDocument(Markdig.Markdown.ToHtml(markdown, MarkdownSyntax.Pipeline)).Body!;
        foreach (var code in body.QuerySelectorAll("pre").ToList())
        {
            code.Remove();
        }

        // Outermost first: a disclosure inside a closed one is not seen either.
        foreach (var details in body.QuerySelectorAll("details").Where(d => d.ParentElement?.Closest("details") is null).ToList())
        {
            var summary = details.QuerySelector("summary")?.TextContent ?? "";
            details.Replace(details.Owner!.CreateTextNode(" " + summary + " "));
        }

        return body.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
