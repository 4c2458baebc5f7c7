using Reports.Notes;
using Reports.Rendering.Charts;

namespace Reports.Site.Hugo;

/// <summary>One week as a Hugo page: whose it is, its entry (title, dates, counts), its Markdown body and the charts it shows.</summary>
internal sealed record HugoPage(string Username, SiteEntry Entry, string Markdown, IReadOnlyList<Chart> Charts)
{
    /// <summary>The notes' images the page shows, copied into its bundle as page resources.</summary>
    public IReadOnlyList<NoteImage> Images { get; init; } = [];
}
