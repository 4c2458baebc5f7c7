using System.Globalization;
using System.Text;
using static Reports.Rendering.Charts.StackedBarChart;

namespace Reports.Rendering.Charts;

/// <summary>
/// Small multiples as SVG text: one panel per series, side by side two to a line, each with its own
/// scale and a bar per row, so unlike things (findings and tickets) are never added into one bar or
/// one total. Same rules as <see cref="StackedBarChart"/>: no script or style attribute, text in
/// <c>currentColor</c>, bars coloured by class, one fixed decimal.
/// </summary>
internal static class SmallMultiplesChart
{
    private const double PanelWidth = Width / 2;
    private const double PanelGap = 12;
    private const double RowHeight = 18;
    private const double BarHeight = 13;
    private const double Font = 12;
    private const double HeaderHeight = 22;

    public static string Render(string id, string title, string description, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartRow> rows)
    {
        var titleId = $"chart-{id}-title";
        var descId = $"chart-{id}-desc";
        var top = 30.0;
        var panelHeight = HeaderHeight + (rows.Count * RowHeight) + 8;
        var lines = (series.Count + 1) / 2;
        var height = top + (lines * panelHeight) + 4;
        var labelWidth = Math.Max(36, (rows.Count == 0 ? 0 : rows.Max(r => r.Label.Length)) * Font * 0.6) + 6;

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"100%\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" font-family=\"system-ui, sans-serif\">\n");
        svg.Append($"<title id=\"{titleId}\">{Escape(title)}</title>\n");
        svg.Append($"<desc id=\"{descId}\">{Escape(description)}</desc>\n");
        svg.Append($"<text class=\"chart-title\" x=\"0.0\" y=\"18.0\" font-size=\"15.0\" font-weight=\"600\" fill=\"currentColor\">{Escape(title)}</text>\n");
        for (var s = 0; s < series.Count; s++)
        {
            var left = (s % 2) * PanelWidth;
            var panelTop = top + ((s / 2) * panelHeight);
            var plot = PanelWidth - PanelGap - labelWidth - 24;
            var max = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(r => s < r.Values.Count ? r.Values[s] : 0));
            svg.Append("<g class=\"chart-panel\">\n");
            svg.Append($"<text x=\"{N(left)}\" y=\"{N(panelTop + 14)}\" font-size=\"13.0\" font-weight=\"600\" fill=\"currentColor\">{Escape(series[s].Name)} (most {max.ToString(CultureInfo.InvariantCulture)})</text>\n");
            for (var i = 0; i < rows.Count; i++)
            {
                var value = s < rows[i].Values.Count ? rows[i].Values[s] : 0;
                var y = panelTop + HeaderHeight + (i * RowHeight);
                var baseline = y + (BarHeight / 2) + (Font * 0.35);
                svg.Append($"<text x=\"{N(left)}\" y=\"{N(baseline)}\" font-size=\"{N(Font)}\" fill=\"currentColor\">{Escape(rows[i].Label)}</text>\n");
                var width = value * plot / max;
                if (value > 0)
                {
                    svg.Append($"<rect class=\"bar {series[s].CssClass}\" x=\"{N(left + labelWidth)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(BarHeight)}\" fill=\"{series[s].Fill}\"/>\n");
                }

                svg.Append($"<text class=\"count\" x=\"{N(left + labelWidth + width + 4)}\" y=\"{N(baseline)}\" font-size=\"{N(Font)}\" fill=\"currentColor\">{value.ToString(CultureInfo.InvariantCulture)}</text>\n");
            }

            svg.Append($"<line class=\"axis\" x1=\"{N(left + labelWidth)}\" y1=\"{N(panelTop + HeaderHeight)}\" x2=\"{N(left + labelWidth)}\" y2=\"{N(panelTop + HeaderHeight + (rows.Count * RowHeight))}\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>\n");
            svg.Append("</g>\n");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
