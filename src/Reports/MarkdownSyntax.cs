using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Reports;

/// <summary>
/// The one Markdig syntax: the HTML page, the template functions and the readers of notes, review
/// comments and summary notes all see the same syntax tree. Built once; immutable and thread-safe.
/// </summary>
internal static class MarkdownSyntax
{
    /// <summary>
    /// Advanced extensions (pipe tables, task lists, auto identifiers, <c>{#id}</c> attributes …) with
    /// precise source spans, so a reader can cut the exact text a block or inline came from.
    /// </summary>
    /// <remarks>
    /// Headings get their ids, but are not link labels: <c>[Summary]</c> stays text rather than linking
    /// to a heading of that name. Markdig keeps link labels in a culture-aware dictionary (ICU), and
    /// hashing every heading and bracketed text there was two fifths of parsing a report.
    /// </remarks>
    public static MarkdownPipeline Pipeline { get; } = WithHeadingIds();

    /// <summary>
    /// <see cref="Pipeline"/> without generated heading ids, for the readers, which need only the tree and
    /// ids written as <c>{#id}</c>. Markdig finds a free id for a repeated heading by trying <c>-1</c>,
    /// <c>-2</c> … in turn, so its time grows with the square of the repeats (20,000 headings named
    /// "Reviews" took 25 s to read).
    /// </summary>
    public static MarkdownPipeline Reading { get; } = WithoutGeneratedIds();

    /// <summary>
    /// What text from GitLab and Linear is read with before it is rewritten (<see cref="Rendering.MarkdownRewriter"/>):
    /// CommonMark with the extensions Hugo's Goldmark turns on and the page shares (pipe tables,
    /// strikethrough, task lists, footnotes, definition lists, bare URLs), so the blocks, and the code
    /// among them, are where Hugo sees them; and none that would hide a link Hugo draws (Markdig's
    /// <c>$math$</c> keeps a link in it as text).
    /// </summary>
    public static MarkdownPipeline Remote { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseDefinitionLists()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>
    /// Plain CommonMark, without extensions: the second reading of rewritten remote text
    /// (<see cref="Rendering.MarkdownRewriter"/>), which finds the links a renderer without Markdig's
    /// extensions would draw.
    /// </summary>
    public static MarkdownPipeline CommonMark { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>Parses <paramref name="markdown"/> for reading, with LF line endings, so spans and lines agree.</summary>
    public static MarkdownSource Read(string markdown) => new(markdown.Replace("\r\n", "\n").Replace('\r', '\n'));

    /// <summary>The advanced extensions, with Markdig's heading ids made by <see cref="UniqueHeadingIds"/> instead.</summary>
    private static MarkdownPipeline WithHeadingIds()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().UsePreciseSourceLocation();
        builder.Extensions.RemoveAll(e => e is AutoIdentifierExtension);
        builder.Extensions.Add(new UniqueHeadingIds());
        return builder.Build();
    }

    private static MarkdownPipeline WithoutGeneratedIds()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().UsePreciseSourceLocation();
        builder.Extensions.RemoveAll(e => e is AutoIdentifierExtension);
        return builder.Build();
    }
}
