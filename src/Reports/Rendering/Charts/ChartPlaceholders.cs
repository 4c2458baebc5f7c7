using System.Text.RegularExpressions;

namespace Reports.Rendering.Charts;

/// <summary>
/// Puts each chart's SVG into its place in the filtered HTML body: the Markdown holds
/// <c>&lt;div class="chart" id="chart-{id}"&gt;</c> with a text stand-in, which the SVG replaces. The SVG is
/// the project's own output, so it goes in after the HTML policy (which allows no SVG) has been applied.
/// </summary>
internal static partial class ChartPlaceholders
{
    public static string Fill(string html, IReadOnlyList<Chart> charts) =>
        Placeholder().Replace(html, match =>
        {
            var chart = charts.FirstOrDefault(c => c.Id == match.Groups["id"].Value);

            // Without a drawing (or for an unknown id) the stand-in text stays as the Markdown wrote it.
            return chart is null || chart.IsEmpty
                ? match.Value
                : $"<div class=\"chart\" id=\"chart-{chart.Id}\">\n{chart.Svg}\n</div>";
        });

    // The stand-in is a caption and a table of project-generated text, so the first </div> closes it.
    [GeneratedRegex("<div class=\"chart\" id=\"chart-(?<id>[a-z]+)\">.*?</div>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
