namespace Reports.Rendering.Charts;

/// <summary>
/// A chart drawn as inline SVG. <see cref="Id"/> names its place in the page
/// (<c>&lt;div class="chart" id="chart-{id}"&gt;</c>); <see cref="Svg"/> is empty when there is nothing to draw.
/// </summary>
internal sealed record Chart(string Id, string Title, string Description, string Svg)
{
    public bool IsEmpty => Svg.Length == 0;
}
