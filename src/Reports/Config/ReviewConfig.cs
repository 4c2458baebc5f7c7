using System.Text.RegularExpressions;
using Reports.Analysis.Reviews;
using YamlDotNet.RepresentationModel;
using Reports.Model;

namespace Reports.Config;

/// <summary><c>review:</c> in <c>evidence.yml</c>: how review comments are graded and how much of each review the report shows.</summary>
internal sealed partial record ReviewConfig
{
    /// <summary>Comment label (case-insensitive) → P-level.</summary>
    public IReadOnlyDictionary<string, Severity> Levels { get; init; } = ConfigSchema.Review.DefaultLevels;

    /// <summary>The levels whose findings are shown in full; the others are one line each.</summary>
    public IReadOnlyList<Severity> InFull { get; init; } = ConfigSchema.Review.DefaultInFull;

    /// <summary>Reviews with fewer findings are listed compactly.</summary>
    public int CompactBelow { get; init; } = ConfigSchema.Review.DefaultCompactBelow;

    /// <summary>Whether the report says how long after a merge request opened the first finding came.</summary>
    public bool TimeToFirstFinding { get; init; }

    internal static ReviewConfig Read(ConfigReader reader, YamlSection review) => new()
    {
        Levels = ReadLevels(reader, review),
        InFull = ReadInFull(reader, review),
        CompactBelow = reader.IntOrDefault(review, ConfigSchema.Review.CompactBelow),
        TimeToFirstFinding = reader.BooleanOrDefault(review, ConfigSchema.Review.TimeToFirstFinding),
    };

    private static IReadOnlyList<Severity> ReadInFull(ConfigReader reader, YamlSection review)
    {
        var key = ConfigSchema.Review.InFull;
        if (ConfigReader.Get(review, key) is not { } node)
        {
            return ConfigSchema.Review.DefaultInFull;
        }

        var items = reader.Sequence(node, review.KeyPath(key), key.Example!);
        var levels = new List<Severity>();
        for (var i = 0; i < items.Count; i++)
        {
            var text = items[i] is YamlScalarNode { Value: { } v } ? v.Trim() : null;
            if (!Severities.TryParse(text, out var level))
            {
                throw reader.Error(items[i], $"{review.KeyPath(key)}[{i}]: {(text is null ? ConfigReader.Describe(items[i]) : $"'{text}'")} is not a P-level (use P0, P1, P2 or P3, e.g. {key.Example})");
            }

            if (levels.Contains(level))
            {
                throw reader.Error(items[i], $"{review.KeyPath(key)}[{i}]: {level} is given twice");
            }

            levels.Add(level);
        }

        return [.. levels.Order()];
    }

    /// <summary>The configured labels on top of the default ones; a label is a bare word, compared ignoring case.</summary>
    private static IReadOnlyDictionary<string, Severity> ReadLevels(ConfigReader reader, YamlSection review)
    {
        var key = ConfigSchema.Review.Levels;
        if (ConfigReader.Get(review, key) is not { } levelsNode)
        {
            return ConfigSchema.Review.DefaultLevels;
        }

        var path = review.KeyPath(key);
        if (levelsNode is not YamlMappingNode mapping)
        {
            throw reader.Error(levelsNode, $"{path}: expected a mapping of label to P-level like {key.Example}, found {ConfigReader.Describe(levelsNode)}");
        }

        var levels = new Dictionary<string, Severity>(ConfigSchema.Review.DefaultLevels, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, YamlScalarNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var labelNode = reader.ScalarKey(keyNode, path);
            var label = labelNode.Value?.Trim() ?? "";
            if (!LabelRegex().IsMatch(label))
            {
                // The review parser reads only the bare word before any "(blocking)" decoration.
                throw reader.Error(keyNode, $"{path}: '{label}' is not a comment label; write the bare word, e.g. issue or suggestion");
            }

            if (seen.TryGetValue(label, out var first))
            {
                throw reader.Error(keyNode, $"{path}: label '{label}' is given twice (also line {first.Start.Line}); labels are compared ignoring case");
            }

            seen[label] = labelNode;
            var level = valueNode is YamlScalarNode { Value: { } v } ? v.Trim() : null;
            if (!Severities.TryParse(level, out var severity))
            {
                var shown = level is null ? ConfigReader.Describe(valueNode) : $"'{level}'";
                throw reader.Error(valueNode, $"{path}.{label}: {shown} is not a P-level (use P0, P1, P2 or P3)");
            }

            levels[label] = severity;
        }

        return levels;
    }

    [GeneratedRegex(@"^[A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelRegex();
}
