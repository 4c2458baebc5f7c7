using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reports.Config;

/// <summary>
/// The reference of every key of <c>evidence.yml</c>, written from <see cref="ConfigSchema"/>: the
/// tables of <c>docs/config.md</c> and <c>evidence.schema.json</c> (JSON Schema), which editors use
/// to complete and check the file. Tests keep both checked-in copies equal to what this writes.
/// </summary>
internal static class ConfigReference
{
    /// <summary>The name <c>evidence init</c> gives the schema beside <c>evidence.yml</c>.</summary>
    public const string SchemaFileName = "evidence.schema.json";

    private const string PLevel = "^[Pp][0-3]$";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One table per section, in the order of the file, top level first.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        foreach (var (path, section) in Sections(ConfigSchema.Root.Section, ""))
        {
            text.Append(path.Length == 0 ? "### Top level\n\n" : $"### `{path}`\n\n");
            text.Append("| key | type | default | required | what it is |\n| --- | --- | --- | --- | --- |\n");
            foreach (var key in section.Keys)
            {
                var example = key.Example is null || key.Type is ConfigType.Section or ConfigType.SectionList or ConfigType.SectionMap ? "" : $" Example: `{key.Example}`.";
                text.Append($"| `{key.Name}` | {TypeName(key)} | {(key.Default is null ? "" : $"`{key.Default}`")} | {key.Required ?? ""} | {Cell(key.Comment)}.{example} |\n");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A JSON Schema (draft 2020-12) of the file, as YAML editors read it (yaml-language-server).</summary>
    public static string JsonSchema()
    {
        var schema = Object(ConfigSchema.Root.Section);
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.Insert(1, "$id", "https://evidence.invalid/" + SchemaFileName);
        schema.Insert(2, "title", "evidence.yml");
        schema.Insert(3, "description", "The configuration of evidence, a weekly report of code reviews, merges, contributions and Linear tickets. Secrets never go here, only names of environment variables.");
        schema["not"] = new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["required"] = new JsonArray("student", "students") },
                new JsonObject { ["required"] = new JsonArray("student", "roster") },
                new JsonObject { ["required"] = new JsonArray("students", "roster") }),
        };
        return schema.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    private static IEnumerable<(string Path, ConfigSection Section)> Sections(ConfigSection section, string path)
    {
        yield return (path, section);
        foreach (var key in section.Keys.Where(k => k.Section is not null || (k.ItemSection is not null && k.ItemSection != ConfigSchema.Team.Item)))
        {
            var child = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            var nestedPath = key.Type == ConfigType.SectionMap ? key.ItemSection!.Path : key.Section is null ? child + "[i]" : child;
            foreach (var nested in Sections(key.Section ?? key.ItemSection!, nestedPath))
            {
                yield return nested;
            }
        }
    }

    private static string TypeName(ConfigKey key) => key.Type switch
    {
        ConfigType.Text => "text",
        ConfigType.Integer => $"whole number, {key.Min} to {key.Max}",
        ConfigType.Boolean => "`true` or `false`",
        ConfigType.Date => "date, `YYYY-MM-DD`",
        ConfigType.Url => "`http(s)` URL",
        ConfigType.EnvName => "name of an environment variable",
        ConfigType.Email => "email address",
        ConfigType.TimeZone => "IANA time zone",
        ConfigType.Choice => string.Join(" or ", key.Choices.Select(c => $"`{c}`")),
        ConfigType.Folder => "folder, relative to the config file",
        ConfigType.File => "file, relative to the config file",
        ConfigType.SectionMap => "mapping of name to a mapping (below)",
        ConfigType.TextList => "list of text",
        ConfigType.EmailList => "list of email addresses",
        ConfigType.ProjectList => "list of project paths or ids",
        ConfigType.LevelMap => "mapping of label to `P0`…`P3`",
        ConfigType.LevelList => "list of `P0`…`P3`",
        ConfigType.Section => "mapping (below)",
        ConfigType.SectionList when key.ItemSection == ConfigSchema.Team.Item => "list of mappings with the keys of `student:`",
        ConfigType.SectionList => "list of mappings (below)",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Type, null),
    };

    private static JsonObject Object(ConfigSection section)
    {
        var properties = new JsonObject();
        foreach (var key in section.Keys)
        {
            var property = Value(key);
            property.Insert(0, "description", key.Comment);
            properties[key.Name] = property;
        }

        var required = section.Keys.Where(k => k.Required == "yes").Select(k => (JsonNode)k.Name).ToArray();
        var result = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Length > 0)
        {
            result["required"] = new JsonArray(required);
        }

        return result;
    }

    private static JsonObject Value(ConfigKey key)
    {
        var value = key.Type switch
        {
            ConfigType.Integer => new JsonObject { ["type"] = "integer", ["minimum"] = key.Min, ["maximum"] = key.Max },
            ConfigType.Boolean => new JsonObject { ["type"] = "boolean" },
            ConfigType.Date => Text(@"^\d{4}-\d{2}-\d{2}$"),
            ConfigType.Url => Text("^[Hh][Tt][Tt][Pp][Ss]?://[^@/]+(/.*)?$"),
            ConfigType.EnvName => Text("^[A-Za-z_][A-Za-z0-9_]*$"),
            ConfigType.Email => Text(@"^[^\s@]+@[^\s@]+$"),
            ConfigType.Choice => new JsonObject { ["enum"] = new JsonArray([.. key.Choices.Select(c => (JsonNode)c)]) },
            ConfigType.TextList => List(Text(null)),
            ConfigType.EmailList => List(Text(@"^[^\s@]+@[^\s@]+$")),
            ConfigType.ProjectList => List(new JsonObject
            {
                ["anyOf"] = new JsonArray(Text(@"^[^\s/]+(/[^\s/]+)+$"), new JsonObject { ["type"] = "integer", ["minimum"] = 1 }),
            }),
            ConfigType.LevelList => List(Text(PLevel)),
            ConfigType.LevelMap => new JsonObject
            {
                ["type"] = "object",
                ["propertyNames"] = Text("^[A-Za-z]+$"),
                ["additionalProperties"] = Text(PLevel),
            },
            ConfigType.Section => Object(key.Section!),
            ConfigType.SectionList => List(Object(key.ItemSection!)),
            ConfigType.SectionMap => new JsonObject { ["type"] = "object", ["additionalProperties"] = Object(key.ItemSection!) },
            _ => Text(null),
        };
        if (key.Default is not null && key.Type is not (ConfigType.Section or ConfigType.SectionList or ConfigType.SectionMap))
        {
            value["default"] = JsonNode.Parse(Json(key));
        }

        if (key.Example is not null && key.Type is not (ConfigType.Section or ConfigType.SectionList or ConfigType.SectionMap or ConfigType.LevelMap))
        {
            value["examples"] = new JsonArray(JsonNode.Parse(Json(key with { Default = key.Example })));
        }

        return value;
    }

    /// <summary>The key's default as JSON: YAML flow text such as <c>[]</c> or <c>{ nitpick: P3 }</c> made strict.</summary>
    private static string Json(ConfigKey key) => key.Type switch
    {
        ConfigType.Integer or ConfigType.Boolean => key.Default!,
        ConfigType.TextList or ConfigType.EmailList or ConfigType.ProjectList or ConfigType.LevelList => JsonSerializer.Serialize(
            key.Default!.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(item => int.TryParse(item, out var id) ? (object)id : item)),
        ConfigType.LevelMap => JsonSerializer.Serialize(
            key.Default!.Trim('{', '}').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split(':', 2, StringSplitOptions.TrimEntries))
                .ToDictionary(pair => pair[0], pair => pair[1])),
        _ => JsonSerializer.Serialize(key.Default),
    };

    private static JsonObject Text(string? pattern) =>
        pattern is null ? new JsonObject { ["type"] = "string" } : new JsonObject { ["type"] = "string", ["pattern"] = pattern };

    private static JsonObject List(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
