using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary>Reads <c>evidence.yml</c> into an <see cref="EvidenceConfig"/>; every error names the file, line and key.</summary>
internal static partial class ConfigLoader
{
    public const string DefaultFileName = "evidence.yml";

    /// <summary>Loads the config at <paramref name="path"/>; relative paths in it resolve against its folder.</summary>
    /// <exception cref="EvidenceException">The file is missing, unreadable, not YAML, or breaks the configuration contract.</exception>
    /// <param name="purpose">What the config is for, which decides the keys it must have.</param>
    /// <param name="environment">Reads environment variables (CI_API_V4_URL for notify); the process environment by default.</param>
    public static EvidenceConfig Load(string path, ConfigPurpose purpose = ConfigPurpose.Report, Func<string, string?>? environment = null)
    {
        var fullPath = string.IsNullOrWhiteSpace(path) ? "" : Path.GetFullPath(path);
        if (fullPath.Length > 0 && Directory.Exists(fullPath))
        {
            throw new EvidenceException($"config file '{path}' is a folder; pass the file itself, e.g. --config {Path.Combine(path, DefaultFileName)}");
        }

        if (!File.Exists(fullPath))
        {
            throw new EvidenceException($"config file '{path}' not found; create one with 'evidence init' or pass --config");
        }

        string text;
        try
        {
            text = ConfigText.Read(fullPath, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException($"could not read config file '{path}': {e.Message}", e);
        }

        return Parse(text, path, fullPath, purpose, environment);
    }

    /// <summary>Maps YAML text; <paramref name="displayPath"/> prefixes errors and <paramref name="fullPath"/> anchors relative paths.</summary>
    internal static EvidenceConfig Parse(
        string yaml, string displayPath, string fullPath, ConfigPurpose purpose = ConfigPurpose.Report, Func<string, string?>? environment = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(new Parser(new StringReader(yaml))));
        }
        catch (BoundedYamlParser.LimitException e)
        {
            throw new EvidenceException($"{displayPath}:{e.Start.Line}:{e.Start.Column}: {MarkPrefixRegex().Replace(e.Message, "")}", e);
        }
        catch (YamlException e)
        {
            throw new EvidenceException(SyntaxErrorMessage(e, yaml, displayPath), e);
        }

        if (stream.Documents.Count > 1)
        {
            throw new EvidenceException(
                $"{displayPath}:{stream.Documents[1].RootNode.Start.Line}: only one YAML document is allowed; remove the second '---' and what follows");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new EvidenceException(
                $"{displayPath}:1: the file is empty; it needs at least student.username, gitlab.url and gitlab.projects (see 'evidence init')");
        }

        var baseDirectory = Path.GetDirectoryName(fullPath) ?? Directory.GetCurrentDirectory();
        var reader = new ConfigReader(displayPath, baseDirectory, purpose, environment ?? Environment.GetEnvironmentVariable);
        return EvidenceConfig.Read(reader, stream.Documents[0].RootNode, fullPath);
    }

    /// <summary>A commented <c>evidence.yml</c> for <c>evidence init</c>: every key explained in one line, accepted by <see cref="Load"/>.</summary>
    public static string SampleYaml(string username, DateOnly firstSprintStart)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        var user = PlainScalarRegex().IsMatch(username) ? username : $"'{username.Replace("'", "''", StringComparison.Ordinal)}'";
        return ConfigSchema.Sample(user, firstSprintStart);
    }

    private static string SyntaxErrorMessage(YamlException e, string yaml, string displayPath)
    {
        var text = WhitespaceRegex().Replace(MarkPrefixRegex().Replace(e.Message, ""), " ").Trim().TrimEnd('.');
        if (DuplicateKeyRegex().Match(text) is { Success: true } duplicate)
        {
            return $"{displayPath}:{e.Start.Line}:{e.Start.Column}: duplicate key '{duplicate.Groups["key"].Value}'; a key may appear only once in a mapping, so keep one";
        }

        if (text.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            // YamlDotNet marks the start of the enclosing mapping; the offending tab is more useful.
            var lines = yaml.Split('\n');
            var index = Array.FindIndex(lines, l => l[..(l.Length - l.TrimStart().Length)].Contains('\t'));
            if (index >= 0)
            {
                return $"{displayPath}:{index + 1}:{lines[index].IndexOf('\t') + 1}: YAML syntax error: {text} (indent with spaces, not tabs)";
            }
        }

        return $"{displayPath}:{e.Start.Line}:{e.Start.Column}: YAML syntax error: {text} (check indentation and quoting)";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefixRegex();

    [GeneratedRegex(@"^Duplicate key (?<key>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateKeyRegex();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainScalarRegex();
}
