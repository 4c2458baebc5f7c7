using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Reports;

/// <summary>
/// Heading ids as Markdig's auto-identifiers make them with <c>AllowOnlyAscii</c> (<c>## Reviews</c> →
/// <c>reviews</c>, the next one <c>reviews-1</c> …), found in constant time. Markdig tries
/// <c>-1</c>, <c>-2</c> … from the start for every repeat, so a page of many headings of one name
/// (a pasted log in the notes, a long comment) took time with the square of their number. Each
/// name here remembers the last suffix it used; since ids are only ever added, every lower
/// suffix is still taken, so the ids are the same.
/// </summary>
internal sealed class UniqueHeadingIds : IMarkdownExtension
{
    private static readonly object UsedKey = new();

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // A setext heading is closed by the paragraph parser, an ATX one by the heading parser.
        foreach (var parser in new BlockParser?[] { pipeline.BlockParsers.Find<HeadingBlockParser>(), pipeline.BlockParsers.FindExact<ParagraphBlockParser>() })
        {
            if (parser is not null)
            {
                parser.Closed -= Closed;
                parser.Closed += Closed;
            }
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Closed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading)
        {
            heading.ProcessInlinesEnd += AssignId;
        }
    }

    private static void AssignId(InlineProcessor processor, Markdig.Syntax.Inlines.Inline? inline)
    {
        var heading = (HeadingBlock)processor.Block!;
        var attributes = heading.GetAttributes();
        if (heading.Inline is null || attributes.Id is not null)
        {
            return;
        }

        var used = processor.Document.GetData(UsedKey) as Used ?? new Used();
        processor.Document.SetData(UsedKey, used);

        // The heading's text without markup, as Markdig strips it.
        using var text = new StringWriter();
        new HtmlRenderer(text) { EnableHtmlForInline = false, EnableHtmlEscape = false }.Render(heading.Inline);
        var name = LinkHelper.Urilize(text.ToString(), allowOnlyAscii: true);
        var id = string.IsNullOrEmpty(name) ? "section" : name;
        if (!used.Ids.Add(id))
        {
            var suffix = used.LastSuffix.GetValueOrDefault(id);
            string candidate;
            do
            {
                suffix++;
                candidate = $"{id}-{suffix}";
            }
            while (!used.Ids.Add(candidate));
            used.LastSuffix[id] = suffix;
            id = candidate;
        }

        attributes.Id = id;
    }

    /// <summary>One document's ids, and the last suffix each name was given.</summary>
    private sealed class Used
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> LastSuffix { get; } = new(StringComparer.Ordinal);
    }
}
