using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reports.Tests.Support;

/// <summary>
/// YAML as a YAML 1.2 editor (yaml-language-server) hands it to a JSON Schema: plain scalars that
/// read as numbers, booleans or null become those; everything else, dates included, is a string.
/// </summary>
internal static class YamlAsJson
{
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (Node(stream.Documents[0].RootNode) ?? new JsonObject()).ToJsonString();
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Node(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Node)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Plain(string? value) => value switch
    {
        null or "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && value.Any(char.IsAsciiDigit) => JsonValue.Create(real),
        _ => JsonValue.Create(value),
    };
}
