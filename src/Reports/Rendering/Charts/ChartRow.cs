namespace Reports.Rendering.Charts;

/// <summary>One bar: its label and one value per series, in series order.</summary>
internal sealed record ChartRow(string Label, IReadOnlyList<int> Values)
{
    public int Total => Values.Sum();
}
