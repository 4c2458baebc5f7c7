namespace Reports.Rendering.Charts;

/// <summary>
/// One colour of a stacked bar: <see cref="CssClass"/> is styled by style.css (light, dark, print);
/// <see cref="Fill"/> is the presentation-attribute fallback when the SVG is seen without that stylesheet.
/// </summary>
internal sealed record ChartSeries(string Name, string CssClass, string Fill);
