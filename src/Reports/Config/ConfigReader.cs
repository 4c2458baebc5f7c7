using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Reports.Model;

namespace Reports.Config;

/// <summary>
/// Reads typed values out of the YAML node tree of one <c>evidence.yml</c> by hand, so that every
/// error names the file, the line and the key path. Each section's record reads itself with it
/// (<see cref="GitLabConfig.Read"/> and the like); defaults, ranges and examples come from the
/// <see cref="ConfigKey"/>s of <see cref="ConfigSchema"/>.
/// </summary>
internal sealed partial class ConfigReader(string file, string baseDirectory, ConfigPurpose purpose, Func<string, string?> environment)
{
    public ConfigPurpose Purpose => purpose;

    /// <summary>The config file as errors name it.</summary>
    public string DisplayPath => file;

    public string BaseDirectory => baseDirectory;

    public string? Environment(string name) => environment(name);

    /// <summary><paramref name="node"/> as a mapping of <paramref name="schema"/>'s keys; an unknown key is an error with a suggestion.</summary>
    public YamlSection Section(YamlNode node, ConfigSection schema, long line, string? path = null)
    {
        path ??= schema.Path;
        if (node is not YamlMappingNode mapping)
        {
            var where = path.Length == 0 ? "at the top level" : path + ":";
            throw Error(node, $"{where} expected a mapping of keys ({string.Join(", ", schema.Names)}), found {Describe(node)}");
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var keyLines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ScalarKey(keyNode, path).Value ?? "";
            if (!schema.Names.Contains(key, StringComparer.Ordinal))
            {
                throw Error(keyNode, UnknownKeyMessage(path.Length == 0 ? key : $"{path}.{key}", key, path, schema));
            }

            keyLines[key] = keyNode.Start.Line;
            values[key] = value;
        }

        return new YamlSection(path, line, values, keyLines);
    }

    public YamlSection? OptionalSection(YamlSection parent, ConfigKey key) =>
        Get(parent, key) is { } node ? Section(node, key.Section!, parent.KeyLines[key.Name], parent.KeyPath(key)) : null;

    /// <summary>The value of <paramref name="key"/>, or null when it is absent or written as null/empty.</summary>
    public static YamlNode? Get(YamlSection section, ConfigKey key) =>
        section.Values.TryGetValue(key.Name, out var node) && !IsNull(node) ? node : null;

    public string? OptionalString(YamlSection section, ConfigKey key)
    {
        if (Get(section, key) is not { } node)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value })
        {
            throw Error(node, $"{section.KeyPath(key)}: expected a single value, found {Describe(node)}");
        }

        return value.Trim().Length == 0 ? null : value.Trim();
    }

    public string RequiredString(YamlSection section, ConfigKey key) =>
        OptionalString(section, key) ?? throw MissingKey(section, key);

    /// <summary>The key's text, else its declared default.</summary>
    public string StringOrDefault(YamlSection? section, ConfigKey key) =>
        (section is null ? null : OptionalString(section, key)) ?? key.Default ?? throw new InvalidOperationException($"{key.Name} has no default");

    public IReadOnlyList<string> StringList(YamlSection section, ConfigKey key)
    {
        if (Get(section, key) is not { } node)
        {
            return [];
        }

        var path = section.KeyPath(key);
        var items = Sequence(node, path, key.Example!);
        var values = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlScalarNode { Value: { } value } || IsNull(items[i]) || value.Trim().Length == 0)
            {
                throw Error(items[i], $"{path}[{i}]: expected a single value, found {Describe(items[i])}");
            }

            values.Add(value.Trim());
        }

        return values;
    }

    public IList<YamlNode> Sequence(YamlNode node, string path, string example) =>
        node is YamlSequenceNode sequence
            ? sequence.Children
            : throw Error(node, $"{path}: expected a list like {example}, found {Describe(node)}");

    /// <summary>A whole number within the key's range, or null when absent.</summary>
    public int? OptionalInt(YamlSection section, ConfigKey key, string? expected = null)
    {
        if (OptionalString(section, key) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= key.Min && value <= key.Max
            ? value
            : throw Error(section.Node(key), $"{section.KeyPath(key)}: '{text}' is not {expected ?? key.Range}");
    }

    /// <summary>A whole number within the key's range, else its declared default.</summary>
    public int IntOrDefault(YamlSection section, ConfigKey key, string? expected = null) =>
        OptionalInt(section, key, expected) ?? int.Parse(key.Default!, CultureInfo.InvariantCulture);

    public bool BooleanOrDefault(YamlSection section, ConfigKey key) => OptionalString(section, key) switch
    {
        null => key.Default == "true",
        "true" => true,
        "false" => false,
        var other => throw Error(section.Node(key), $"{section.KeyPath(key)}: '{other}' is not true or false"),
    };

    /// <summary>One of the key's <see cref="ConfigKey.Choices"/>, else its declared default.</summary>
    public string ChoiceOrDefault(YamlSection section, ConfigKey key, string what)
    {
        var value = StringOrDefault(section, key);
        return key.Choices.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Error(section.Node(key), $"{section.KeyPath(key)}: '{value}' is not {what} (use {string.Join(" or ", key.Choices)})");
    }

    public DateOnly RequiredDate(YamlSection section, ConfigKey key)
    {
        var text = RequiredString(section, key);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error(section.Node(key), $"{section.KeyPath(key)}: '{text}' is not a date (use YYYY-MM-DD)");
        }

        return SupportedDates.Contain(date)
            ? date
            : throw Error(section.Node(key), $"{section.KeyPath(key)}: {text} is outside the dates evidence supports ({SupportedDates.Range})");
    }

    /// <summary>An absolute http(s) URL; a secret pasted into it is refused without being echoed.</summary>
    public Uri RequiredUrl(YamlSection section, ConfigKey key, string secretKeyPath)
    {
        var text = RequiredString(section, key);
        var shown = UserInfoRegex().Replace(text, "$1");
        if (shown != text)
        {
            throw Error(section.Node(key),
                $"{section.KeyPath(key)}: credentials in the URL are not allowed ('{shown}'); remove them and put the secret in the environment variable named by {secretKeyPath}");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : throw Error(section.Node(key), $"{section.KeyPath(key)}: '{text}' is not an absolute http(s) URL (write it like {key.Example})");
    }

    /// <summary>The name of an environment variable, else the key's default; the value is not echoed, in case the secret itself was pasted.</summary>
    public string EnvNameOrDefault(YamlSection section, ConfigKey key, string secretName)
    {
        var name = StringOrDefault(section, key);
        return EnvNameRegex().IsMatch(name)
            ? name
            : throw Error(section.Node(key),
                $"{section.KeyPath(key)}: expected the name of an environment variable (letters, digits and _), e.g. {key.Example}; put the {secretName} itself in that variable");
    }

    public void CheckEmail(YamlSection section, ConfigKey key, string value, YamlNode node, string index = "")
    {
        if (!IsEmail(value))
        {
            throw Error(node, $"{section.KeyPath(key)}{index}: '{value}' is not an email address");
        }
    }

    /// <summary>Whether <paramref name="value"/> reads as an email address (the rule of every email key and the roster's email columns).</summary>
    public static bool IsEmail(string value) => EmailRegex().IsMatch(value);

    /// <summary>A folder relative to the config file's folder, else the key's default.</summary>
    public string FolderOrDefault(YamlSection section, ConfigKey key) => ResolvePath(section, key, StringOrDefault(section, key));

    public string ResolvePath(YamlSection section, ConfigKey key, string value)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(baseDirectory, value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Error(section.Node(key), $"{section.KeyPath(key)}: '{value}' is not a usable path ({e.Message})");
        }
    }

    public YamlScalarNode ScalarKey(YamlNode keyNode, string path) =>
        keyNode as YamlScalarNode
            ?? throw Error(keyNode, $"{(path.Length == 0 ? "top level" : path)}: keys must be plain names, found {Describe(keyNode)}");

    public EvidenceException MissingKey(YamlSection section, ConfigKey key) =>
        Error(section.Line, $"missing required key '{section.KeyPath(key)}'");

    /// <summary>A required section that is absent or empty: names its first required key, on the section's line if written.</summary>
    public EvidenceException MissingSection(YamlSection parent, ConfigKey section, ConfigKey firstRequired, string hint = "") =>
        Error(parent.KeyLines.TryGetValue(section.Name, out var line) ? line : parent.Line, $"missing required key '{parent.KeyPath(section)}.{firstRequired.Name}'{hint}");

    public EvidenceException Error(YamlNode node, string message) => Error(node.Start.Line, message);

    public EvidenceException Error(long line, string message) => new($"{file}:{line}: {message}");

    /// <summary><c>file:line</c> of <paramref name="node"/>, for a check that runs after loading.</summary>
    public string Where(YamlNode node) => $"{file}:{node.Start.Line}";

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode { Value: var v } => $"the value '{v}'",
        _ => "an alias",
    };

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string UnknownKeyMessage(string keyPath, string key, string parentPath, ConfigSection schema)
    {
        var lower = key.ToLowerInvariant();
        if (lower.Contains("token", StringComparison.Ordinal) || lower.Contains("api_key", StringComparison.Ordinal)
            || lower.Contains("apikey", StringComparison.Ordinal) || lower.Contains("password", StringComparison.Ordinal)
            || lower.Contains("secret", StringComparison.Ordinal))
        {
            var envKey = schema.Names.FirstOrDefault(k => k.EndsWith("_env", StringComparison.Ordinal));
            return envKey is null
                ? $"unknown key '{keyPath}' (secrets never live in evidence.yml; they are read from the environment variables named by gitlab.token_env and linear.api_key_env)"
                : $"unknown key '{keyPath}' (did you mean '{envKey}'? secrets are read from the environment variable named by {envKey})";
        }

        // A key that belongs to another section is most likely mis-indented.
        var elsewhere = ConfigSchema.Sections.Where(s => s.Names.Contains(key, StringComparer.Ordinal))
            .Select(s => $"'{s.KeyPath(key)}'")
            .ToList();
        if (elsewhere.Count > 0)
        {
            return $"unknown key '{keyPath}' (did you mean {string.Join(" or ", elsewhere)}? check its indentation)";
        }

        if (KeySuggester.Closest(key, schema.Names) is { } suggestion)
        {
            return $"unknown key '{keyPath}' (did you mean '{suggestion}'?)";
        }

        var where = parentPath.Length == 0 ? "top-level keys" : $"keys under {parentPath}";
        return $"unknown key '{keyPath}'; known {where}: {string.Join(", ", schema.Names)}";
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*://)[^/?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvNameRegex();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();
}
