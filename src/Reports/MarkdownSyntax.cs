using Markdig;

namespace Reports;

/// <summary>
/// The one Markdig pipeline: the HTML page, the template functions and the readers of notes, review
/// comments and summary notes all see the same syntax tree. Built once; immutable and thread-safe.
/// </summary>
internal static class MarkdownSyntax
{
    /// <summary>
    /// Advanced extensions (pipe tables, task lists, auto identifiers, <c>{#id}</c> attributes …) with
    /// precise source spans, so a reader can cut the exact text a block or inline came from.
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>Parses <paramref name="markdown"/> with LF line endings, so spans and lines agree.</summary>
    public static MarkdownSource Read(string markdown) => new(markdown.Replace("\r\n", "\n").Replace('\r', '\n'));
}
