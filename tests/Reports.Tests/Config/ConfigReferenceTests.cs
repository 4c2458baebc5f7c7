using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Reports.Config;
using Reports.Tests.Support;

namespace Reports.Tests.Config;

/// <summary>
/// docs/config.md and docs/evidence.schema.json are written from ConfigSchema and kept up to date,
/// and every config the project ships or documents is one the JSON Schema accepts, as an editor checks it.
/// </summary>
public sealed partial class ConfigReferenceTests
{
    private static readonly string ConfigPage = Path.Combine(RepoPaths.Root, "docs", "config.md");
    private static readonly string SchemaFile = Path.Combine(RepoPaths.Root, "docs", ConfigReference.SchemaFileName);

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(ConfigReference.JsonSchema()));

    [Fact]
    public void The_config_page_lists_every_key_as_the_schema_declares_it()
    {
        var page = File.ReadAllText(ConfigPage).ReplaceLineEndings("\n");
        var region = GeneratedRegion().Match(page);
        Assert.True(region.Success, "docs/config.md has no generated reference between its BEGIN and END markers");

        var expected = page[..region.Groups["body"].Index] + ConfigReference.Markdown() + page[(region.Groups["body"].Index + region.Groups["body"].Length)..];
        GoldenFile.AssertMatches(ConfigPage, expected);
    }

    [Fact]
    public void The_checked_in_json_schema_is_the_one_the_schema_declares()
    {
        GoldenFile.AssertMatches(SchemaFile, ConfigReference.JsonSchema());
    }

    [Fact]
    public void The_sample_init_writes_is_valid_against_the_json_schema_with_or_without_its_optional_keys()
    {
        var sample = ConfigLoader.SampleYaml("abhipraya", new DateOnly(2025, 3, 10));
        var uncommented = Regex.Replace(sample, @"^(\s*)# (?=\s*[a-z_]+:)", "$1", RegexOptions.Multiline);

        AssertValid("the init sample", sample);
        AssertValid("the init sample, uncommented", uncommented);
    }

    public static TheoryData<string, string> DocumentedConfigs()
    {
        var configs = new TheoryData<string, string>();
        var topLevel = ConfigSchema.Root.Section.Names;
        foreach (var (page, info, code) in DocPages.Fences().Where(f => f.Info == "yaml"))
        {
            var keys = TopLevelKeyRegex().Matches(code).Select(m => m.Groups["key"].Value).ToList();

            // A CI recipe or a front matter is YAML too; a config is YAML whose every top-level key is a config key.
            if (keys.Count > 0 && keys.All(k => topLevel.Contains(k, StringComparer.Ordinal)))
            {
                configs.Add(page, code);
            }
        }

        return configs;
    }

    [Theory]
    [MemberData(nameof(DocumentedConfigs))]
    public void Every_config_in_the_docs_is_valid_against_the_json_schema(string page, string yaml)
    {
        AssertValid(page, yaml);
    }

    [Theory]
    [InlineData("student: { username: a }\ngitlab: { url: https://gitlab.example.com, projects: [a/b], token: glpat-x }", "an unknown key")]
    [InlineData("student: { username: a }\ngitlab: { url: https://gitlab.example.com, projects: [a/b], concurrency: 99 }", "a number out of range")]
    [InlineData("student: { username: a }\nstudents: [{ username: b }]\ngitlab: { url: https://gitlab.example.com, projects: [a/b] }", "both student and students")]
    [InlineData("student: { name: A }\ngitlab: { url: https://gitlab.example.com, projects: [a/b] }", "a student without a username")]
    [InlineData("student: { username: a }\ngitlab: { url: https://gitlab.example.com, projects: [a/b] }\nsite: { format: pdf }", "a format that does not exist")]
    [InlineData("student: { username: a }\ngitlab: { url: https://gitlab.example.com, projects: [a/b] }\nreview: { levels: { critical: P9 } }", "a P-level that does not exist")]
    [InlineData("student: { username: a }\ngitlab: { url: https://user:pw@gitlab.example.com, projects: [a/b] }", "credentials in the URL")]
    public void The_json_schema_refuses_what_the_loader_refuses(string yaml, string what)
    {
        Assert.False(Validate(yaml).IsValid, $"the schema accepts {what}");
        using var folder = new ConfigFolder();
        Assert.Throws<EvidenceException>(() => ConfigLoader.Load(folder.Write(yaml)));
    }

    private static void AssertValid(string where, string yaml)
    {
        var result = Validate(yaml);
        var errors = Flatten(result).SelectMany(r => (r.Errors ?? new Dictionary<string, string>()).Select(e => $"{r.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{where} is not valid against evidence.schema.json: {string.Join("; ", errors)}");
    }

    private static EvaluationResults Validate(string yaml)
    {
        using var instance = JsonDocument.Parse(YamlAsJson.Convert(yaml));
        return Schema.Value.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results) =>
        (results.Details ?? []).SelectMany(Flatten).Prepend(results);

    [GeneratedRegex(@"<!-- BEGIN generated[^\n]*-->\n(?<body>.*?)<!-- END generated -->", RegexOptions.Singleline)]
    private static partial Regex GeneratedRegion();

    [GeneratedRegex(@"^(?<key>[a-z_]+):", RegexOptions.Multiline)]
    private static partial Regex TopLevelKeyRegex();
}
