namespace Reports.Analysis.Reviews;

/// <summary>Positive callouts listed in a review summary note.</summary>
public static class PositiveCallouts
{
    public static IReadOnlyList<string> FromSummary(string body)
    {
        var result = new List<string>();
        var inPositives = false;
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.StartsWith("**", StringComparison.Ordinal) && !line.StartsWith("**P", StringComparison.Ordinal)))
            {
                inPositives = line.Contains("positive", StringComparison.OrdinalIgnoreCase) || line.Contains("praise", StringComparison.OrdinalIgnoreCase);
            }
            else if (inPositives && (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal)))
            {
                result.Add(line[2..].Trim());
            }
        }

        return result;
    }
}
