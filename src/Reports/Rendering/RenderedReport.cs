using Reports.Notes;

namespace Reports.Rendering;

/// <summary>One week's report: the Markdown and the self-contained HTML page made from it.</summary>
internal sealed record RenderedReport(string Slug, string Title, string Markdown, string Html)
{
    /// <summary>The notes' images the page shows, each to be copied beside it.</summary>
    public IReadOnlyList<NoteImage> Images { get; init; } = [];
}
