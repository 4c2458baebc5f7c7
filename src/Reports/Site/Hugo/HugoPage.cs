using Reports.Notes;
using Reports.Rendering.Charts;

namespace Reports.Site.Hugo;

/// <summary>One week as a Hugo page: its Markdown body and the charts it shows (its title, dates and counts are the week's entry).</summary>
internal sealed record HugoPage(string Markdown, IReadOnlyList<Chart> Charts)
{
    /// <summary>The notes' images the page shows, copied into its bundle as page resources.</summary>
    public IReadOnlyList<NoteImage> Images { get; init; } = [];
}
