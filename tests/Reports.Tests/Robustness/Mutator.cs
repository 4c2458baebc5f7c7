using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Reports.Tests.Robustness;

/// <summary>
/// Seeded perturbations of valid inputs, as a careless or hostile user would make them: values of
/// the wrong type, nulls, edge and huge values, deleted or repeated lines, bad bytes; and of remote
/// answers, as a broken or hostile server would send them: list items null, repeated or mistyped.
/// </summary>
internal sealed class Mutator(int seed, string token)
{
    private readonly Random _random = new(seed);

    /// <summary>Values that have broken parsers before: edges of numbers and dates, YAML specials, markup, secrets.</summary>
    public string[] EdgeValues =>
    [
        "", "~", "null", "[]", "{}", "[a, [b, {c: d}]]", "-1", "0", "1", "33", "2147483648", "99999999999999999999", "1e308", "NaN",
        "9999-12-31", "0001-01-01", "2025-02-30", "1899-12-31", "9998-12-31", "Mars/Olympus", "UTC", "Asia/Jakarta",
        "'unterminated", "\"unterminated", "&anchor x", "*missing", "!!binary AAAA", "? complex", "- item", "|", ">",
        "<script>alert(1)</script>", "javascript:alert(1)", "../../etc/passwd", "/etc/passwd", "P9", "p0", "nitpick",
        "ppl/sira-backend", "42", "a/b/c", "x@y", "not-an-email", "\u202Eevil", "😀", new string('x', 5000), token, $"https://oauth2:{token}@127.0.0.1/",
    ];

    public int Next(int max) => _random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>One to three line-level changes to YAML text.</summary>
    public string MutateLines(string text)
    {
        var lines = text.Split('\n').ToList();
        for (var n = 1 + _random.Next(3); n > 0 && lines.Count > 0; n--)
        {
            var i = _random.Next(lines.Count);
            switch (_random.Next(9))
            {
                case 0 or 1 or 2:
                    var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                    lines[i] = colon < 0 ? lines[i] + ": " + Pick(EdgeValues) : lines[i][..(colon + 2)] + Pick(EdgeValues);
                    break;
                case 3:
                    lines.RemoveAt(i);
                    break;
                case 4:
                    lines.Insert(i, lines[i]);
                    break;
                case 5:
                    lines[i] = _random.Next(2) == 0 ? "  " + lines[i] : lines[i].TrimStart();
                    break;
                case 6:
                    var j = _random.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 7:
                    lines.Insert(i, Pick(["unknown_key: 1", "gitlab.token: " + token, "- stray", "  nested: {a: 1}", "\t tab: x", "---"]));
                    break;
                default:
                    lines[i] = lines[i][..(_random.Next(lines[i].Length + 1))];
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Byte-level damage: a BOM or none, UTF-16 without a mark, invalid UTF-8, NUL, truncation.</summary>
    public byte[] MutateBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _random.Next(7) switch
        {
            0 => [0xEF, 0xBB, 0xBF, .. bytes],
            1 => Encoding.Unicode.GetBytes(text),
            2 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            3 => Insert(bytes, [0xC3, 0x28]),
            4 => Insert(bytes, [0x00]),
            5 => bytes[..(_random.Next(bytes.Length + 1))],
            _ => Insert(bytes, [0xFF, 0xFE, 0xFD]),
        };
    }

    /// <summary>One to three structural changes to JSON: a node replaced by another type or an edge value, removed, or a member added.</summary>
    public string MutateJson(string json)
    {
        var root = JsonNode.Parse(json)!;
        for (var n = 1 + _random.Next(3); n > 0; n--)
        {
            var nodes = Descendants(root).ToList();
            var node = Pick(nodes);
            var parent = node.Parent;
            switch (_random.Next(4))
            {
                case 0 when parent is JsonObject obj:
                    obj.Remove(node.GetPropertyName());
                    break;
                case 1 when node is JsonObject obj:
                    obj["surprise" + _random.Next(10)] = 1;
                    break;
                default:
                    Replace(node, JsonEdge());
                    break;
            }
        }

        return root.ToJsonString();
    }

    /// <summary>
    /// One item of one list anywhere in a remote answer (the list itself, nested notes, labels, history
    /// entries) replaced by null, repeated next to itself, or replaced by a value of another JSON type;
    /// returns what was done, or null when the answer holds no list with an item.
    /// </summary>
    public string? MutateItem(JsonNode? answer)
    {
        var lists = (answer is null ? [] : Descendants(answer).Prepend(answer)).OfType<JsonArray>().Where(a => a.Count > 0).ToList();
        if (lists.Count == 0)
        {
            return null;
        }

        var list = Pick(lists);
        var index = _random.Next(list.Count);
        var item = list[index];
        var path = $"{list.GetPath()}[{index}]";
        switch (_random.Next(3))
        {
            case 0:
                list[index] = null;
                return $"{path} = null";
            case 1:
                list.Insert(index + 1, item?.DeepClone());
                return $"{path} repeated";
            default:
                var other = OtherKind(item);
                list[index] = other;
                return $"{path} = {other.ToJsonString()}";
        }
    }

    /// <summary>A value of another JSON type than <paramref name="item"/>'s, never an empty object for an object (that is a valid, empty item).</summary>
    private JsonNode OtherKind(JsonNode? item) => item?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Object => Pick<Func<JsonNode>>([() => JsonValue.Create("text"), () => JsonValue.Create(7), () => JsonValue.Create(true), () => new JsonArray()])(),
        System.Text.Json.JsonValueKind.Array => Pick<Func<JsonNode>>([() => JsonValue.Create("text"), () => JsonValue.Create(7), () => new JsonObject()])(),
        System.Text.Json.JsonValueKind.String => Pick<Func<JsonNode>>([() => JsonValue.Create(7), () => JsonValue.Create(true), () => new JsonObject(), () => new JsonArray()])(),
        _ => Pick<Func<JsonNode>>([() => JsonValue.Create("seven"), () => new JsonObject(), () => new JsonArray()])(),
    };

    private JsonNode? JsonEdge() => _random.Next(16) switch
    {
        0 => null,
        1 => JsonValue.Create(""),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(2147483648L),
        4 => JsonValue.Create(1e308),
        5 => JsonValue.Create(true),
        6 => new JsonArray(),
        7 => new JsonObject(),
        8 => JsonValue.Create("9999-12-31"),
        9 => JsonValue.Create("0001-01-01T00:00:00Z"),
        10 => JsonValue.Create(new string('y', 100_000)),
        11 => JsonValue.Create("<img src=x onerror=alert(1)>"),
        12 => new JsonArray(null, null),
        13 => Nested(80),
        14 => JsonValue.Create("9999-12-31T23:59:59+14:00"),
        _ => JsonValue.Create("\u0000\u001b[31m"),
    };

    private static JsonArray Nested(int depth)
    {
        var array = new JsonArray();
        for (var i = 1; i < depth; i++)
        {
            array = new JsonArray(array);
        }

        return array;
    }

    private static void Replace(JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj[node.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = value;
                break;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var below in Descendants(child))
            {
                yield return below;
            }
        }
    }

    private byte[] Insert(byte[] bytes, byte[] inserted)
    {
        var at = _random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. inserted, .. bytes[at..]];
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
