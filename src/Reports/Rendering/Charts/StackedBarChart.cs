using System.Globalization;
using System.Text;

namespace Reports.Rendering.Charts;

/// <summary>
/// Draws horizontal stacked bars as SVG text: a visible title, a legend, one labelled bar per row
/// with each segment's count and the row total. No script, no style attributes (the page's CSP
/// blocks them); text is <c>currentColor</c> and bars carry classes that style.css colours for
/// light, dark and print. Coordinates have one fixed decimal, so the same data gives the same bytes.
/// </summary>
internal static class StackedBarChart
{
    public const double Width = 420;
    public const double RowHeight = 28;
    public const double BarHeight = 20;

    private const double TitleFont = 15;
    private const double LabelFont = 14;
    private const double LegendFont = 13;
    private const double CountFont = 12;
    private const double LegendRowHeight = 20;
    private const double TotalSpace = 36;

    public static string Render(string id, string title, string description, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartRow> rows)
    {
        var titleId = $"chart-{id}-title";
        var descId = $"chart-{id}-desc";

        var legend = LayOutLegend(series);
        var legendTop = 30.0;
        var rowsTop = legendTop + (legend.Count == 0 ? 0 : (legend[^1].Line + 1) * LegendRowHeight) + 6;
        var height = rowsTop + (rows.Count * RowHeight) + 4;

        var labelWidth = Math.Max(40, (rows.Count == 0 ? 0 : rows.Max(r => r.Label.Length)) * LabelFont * 0.6) + 10;
        var plotWidth = Width - labelWidth - TotalSpace;
        var max = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(r => r.Total));
        var unit = plotWidth / max;

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"100%\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" font-family=\"system-ui, sans-serif\">\n");
        svg.Append($"<title id=\"{titleId}\">{Escape(title)}</title>\n");
        svg.Append($"<desc id=\"{descId}\">{Escape(description)}</desc>\n");
        svg.Append($"<text class=\"chart-title\" x=\"0.0\" y=\"18.0\" font-size=\"{N(TitleFont)}\" font-weight=\"600\" fill=\"currentColor\">{Escape(title)}</text>\n");

        foreach (var item in legend)
        {
            var y = legendTop + (item.Line * LegendRowHeight);
            svg.Append($"<rect class=\"{item.Series.CssClass}\" x=\"{N(item.X)}\" y=\"{N(y + 2)}\" width=\"12.0\" height=\"12.0\" rx=\"2.0\" fill=\"{item.Series.Fill}\"/>\n");
            svg.Append($"<text x=\"{N(item.X + 16)}\" y=\"{N(y + 12)}\" font-size=\"{N(LegendFont)}\" fill=\"currentColor\">{Escape(item.Series.Name)}</text>\n");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var top = rowsTop + (i * RowHeight);
            var barTop = top + ((RowHeight - BarHeight) / 2);
            var baseline = top + (RowHeight / 2) + (LabelFont * 0.35);
            svg.Append("<g class=\"chart-row\">\n");
            svg.Append($"<text x=\"0.0\" y=\"{N(baseline)}\" font-size=\"{N(LabelFont)}\" fill=\"currentColor\">{Escape(row.Label)}</text>\n");
            var x = labelWidth;
            for (var s = 0; s < series.Count && s < row.Values.Count; s++)
            {
                var value = row.Values[s];
                if (value <= 0)
                {
                    continue;
                }

                var width = value * unit;
                svg.Append($"<rect class=\"bar {series[s].CssClass}\" x=\"{N(x)}\" y=\"{N(barTop)}\" width=\"{N(width)}\" height=\"{N(BarHeight)}\" fill=\"{series[s].Fill}\"/>\n");
                var count = value.ToString(CultureInfo.InvariantCulture);

                // A count that would not fit inside its segment is left to the total and the description.
                if (width >= (count.Length * CountFont * 0.6) + 4)
                {
                    svg.Append($"<text class=\"count\" x=\"{N(x + (width / 2))}\" y=\"{N(barTop + (BarHeight / 2) + (CountFont * 0.35))}\" font-size=\"{N(CountFont)}\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#ffffff\">{count}</text>\n");
                }

                x += width;
            }

            svg.Append($"<text class=\"total\" x=\"{N(x + 6)}\" y=\"{N(baseline)}\" font-size=\"{N(LegendFont)}\" fill=\"currentColor\">{row.Total.ToString(CultureInfo.InvariantCulture)}</text>\n");
            svg.Append("</g>\n");
        }

        svg.Append($"<line class=\"axis\" x1=\"{N(labelWidth)}\" y1=\"{N(rowsTop)}\" x2=\"{N(labelWidth)}\" y2=\"{N(rowsTop + (rows.Count * RowHeight))}\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>\n");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Text for an XML text node or attribute: markup characters escaped, characters XML cannot hold
    /// dropped, bidirectional controls (an MR title's, in the description) shown as <c>&lt;U+202E&gt;</c>.
    /// </summary>
    public static string Escape(string text)
    {
        text = BidiControls.Reveal(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            if (char.IsSurrogate(c) || (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF')
            {
                continue;
            }

            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A coordinate with one fixed decimal, whatever the machine's culture.</summary>
    public static string N(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("F1", CultureInfo.InvariantCulture);

    // Legend items flow left to right and wrap, so a long legend stays inside the viewBox.
    private static List<(ChartSeries Series, double X, int Line)> LayOutLegend(IReadOnlyList<ChartSeries> series)
    {
        var items = new List<(ChartSeries, double, int)>();
        var x = 0.0;
        var line = 0;
        foreach (var s in series)
        {
            var width = 16 + (s.Name.Length * LegendFont * 0.6) + 14;
            if (x > 0 && x + width > Width)
            {
                x = 0;
                line++;
            }

            items.Add((s, x, line));
            x += width;
        }

        return items;
    }
}
