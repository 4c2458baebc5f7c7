using System.Globalization;
using System.Text.RegularExpressions;
using Reports.Calendar;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary>
/// Maps the YAML node tree of <c>evidence.yml</c> onto <see cref="EvidenceConfig"/> by hand, so
/// that every error can name the file, the line and the key path.
/// </summary>
internal sealed partial class ConfigMapper(string file, string baseDirectory)
{
    private static readonly string[] RootKeys = ["course", "student", "gitlab", "linear", "calendar", "review", "notes", "templates", "output"];
    private static readonly string[] StudentKeys = ["username", "name", "emails", "linear_email"];
    private static readonly string[] GitLabKeys = ["url", "projects", "token_env", "bots", "concurrency", "timeout_seconds"];
    private static readonly string[] LinearKeys = ["url", "api_key_env", "teams", "timeout_seconds"];
    private static readonly string[] CalendarKeys = ["timezone", "sprints"];
    private static readonly string[] SprintKeys = ["name", "start", "weeks"];
    private static readonly string[] ReviewKeys = ["levels"];

    private static readonly Dictionary<string, string[]> KeysBySection = new(StringComparer.Ordinal)
    {
        [""] = RootKeys,
        ["student"] = StudentKeys,
        ["gitlab"] = GitLabKeys,
        ["linear"] = LinearKeys,
        ["calendar"] = CalendarKeys,
        ["calendar.sprints[i]"] = SprintKeys,
        ["review"] = ReviewKeys,
    };

    public EvidenceConfig Map(YamlNode rootNode, string fullPath)
    {
        var root = Section(rootNode, "", rootNode.Start.Line, RootKeys);
        var student = OptionalSection(root, "student", StudentKeys);
        var gitlab = OptionalSection(root, "gitlab", GitLabKeys);
        var linear = OptionalSection(root, "linear", LinearKeys);
        var calendar = OptionalSection(root, "calendar", CalendarKeys);
        var review = OptionalSection(root, "review", ReviewKeys);

        return new EvidenceConfig
        {
            SourcePath = fullPath,
            Course = OptionalString(root, "course"),
            Student = MapStudent(student ?? throw MissingSection(root, "student", "username")),
            GitLab = MapGitLab(gitlab ?? throw MissingSection(root, "gitlab", "url")),
            Linear = linear is null ? null : MapLinear(linear),
            Calendar = calendar is null ? new CalendarConfig() : MapCalendar(calendar),
            Review = review is null ? new ReviewConfig() : MapReview(review),
            NotesDirectory = ResolvePath(root, "notes", OptionalString(root, "notes") ?? "notes"),
            TemplatesDirectory = TemplatesDirectory(root),
            OutputDirectory = ResolvePath(root, "output", OptionalString(root, "output") ?? "output"),
            CacheDirectory = Path.GetFullPath(Path.Combine(baseDirectory, ".evidence-cache")),
        };
    }

    private string? TemplatesDirectory(ConfigSection root)
    {
        if (OptionalString(root, "templates") is not { } value)
        {
            return null;
        }

        // Checked here because a missing overrides folder would otherwise silently fall back to the shipped templates.
        var folder = ResolvePath(root, "templates", value);
        return Directory.Exists(folder)
            ? folder
            : throw Error(root.Values["templates"],
                $"templates: folder '{folder}' does not exist; create it (evidence templates export DIR) or remove the key to use the shipped templates");
    }

    private StudentConfig MapStudent(ConfigSection student)
    {
        var username = RequiredString(student, "username");
        var emails = StringList(student, "emails", "[you@example.com]");
        for (var i = 0; i < emails.Count; i++)
        {
            CheckEmail(student, "emails", emails[i], ((YamlSequenceNode)student.Values["emails"]).Children[i], $"[{i}]");
        }

        var linearEmail = OptionalString(student, "linear_email");
        if (linearEmail is not null)
        {
            CheckEmail(student, "linear_email", linearEmail, student.Values["linear_email"], "");
        }

        return new StudentConfig
        {
            Username = username,
            Name = OptionalString(student, "name"),
            Emails = emails,
            LinearEmail = linearEmail,
        };
    }

    private GitLabConfig MapGitLab(ConfigSection gitlab)
    {
        var url = RequiredUrl(gitlab, "url", "https://gitlab.example.com");
        if (url.AbsolutePath.TrimEnd('/').EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase))
        {
            throw Error(gitlab.Values["url"], $"{gitlab.KeyPath("url")}: write the instance base URL without /api/v4 (e.g. https://gitlab.example.com)");
        }

        if (Get(gitlab, "projects") is null)
        {
            throw MissingKey(gitlab, "projects");
        }

        var projects = StringList(gitlab, "projects", "[group/project, 42]");
        var projectNodes = ((YamlSequenceNode)gitlab.Values["projects"]).Children;
        if (projects.Count == 0)
        {
            throw Error(gitlab.Values["projects"],
                $"{gitlab.KeyPath("projects")} is empty; list at least one project path or id, e.g. [group/project, 42]");
        }

        for (var i = 0; i < projects.Count; i++)
        {
            if (!ProjectRegex().IsMatch(projects[i]))
            {
                throw Error(projectNodes[i],
                    $"{gitlab.KeyPath("projects")}[{i}]: '{projects[i]}' is not a numeric project id or a full path like group/project");
            }
        }

        return new GitLabConfig
        {
            Url = url,
            Projects = projects,
            TokenEnv = EnvName(gitlab, "token_env", GitLabConfig.DefaultTokenEnv, "token"),
            Bots = StringList(gitlab, "bots", "[sirabot]"),
            Concurrency = OptionalInt(gitlab, "concurrency", 1, 32, "a whole number from 1 to 32") ?? GitLabConfig.DefaultConcurrency,
            TimeoutSeconds = TimeoutSeconds(gitlab),
        };
    }

    private LinearConfig MapLinear(ConfigSection linear)
    {
        var defaults = new LinearConfig();
        return new LinearConfig
        {
            Url = Get(linear, "url") is null ? defaults.Url : RequiredUrl(linear, "url", "https://api.linear.app/graphql"),
            ApiKeyEnv = EnvName(linear, "api_key_env", defaults.ApiKeyEnv, "API key"),
            Teams = StringList(linear, "teams", "[SIRA]"),
            TimeoutSeconds = TimeoutSeconds(linear),
        };
    }

    private CalendarConfig MapCalendar(ConfigSection calendar)
    {
        var defaults = new CalendarConfig();
        var timeZone = OptionalString(calendar, "timezone") ?? defaults.TimeZone;
        if (TimeZones.TryFind(timeZone) is null)
        {
            var line = Get(calendar, "timezone")?.Start.Line ?? calendar.Line;
            throw Error(line, $"{calendar.KeyPath("timezone")}: {TimeZones.UnknownMessage(timeZone)}");
        }

        var sprints = new List<(SprintConfig Sprint, int Number, YamlNode Node, string Path)>();
        if (Get(calendar, "sprints") is { } sprintsNode)
        {
            var items = Sequence(sprintsNode, calendar.KeyPath("sprints"), "[{ name: Sprint 1, start: 2025-03-10, weeks: 2 }]");
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"{calendar.KeyPath("sprints")}[{i}]";
                if (items[i] is not YamlMappingNode)
                {
                    throw Error(items[i], $"{path}: expected a mapping like {{ name: Sprint 1, start: 2025-03-10, weeks: 2 }}, found {Describe(items[i])}");
                }

                var item = Section(items[i], path, items[i].Start.Line, SprintKeys);
                var sprint = new SprintConfig(RequiredString(item, "name"), RequiredDate(item, "start"), RequiredWeeks(item, "weeks"));
                if (sprint.Start.DayNumber + (7 * sprint.Weeks) - 1 > CourseCalendar.LastSupportedDate.DayNumber)
                {
                    throw Error(item.Values["weeks"], $"{path}: '{sprint.Name}' would end after {CourseCalendar.LastSupportedDate:yyyy-MM-dd}, the last date evidence supports");
                }
                var number = CalendarSprint.NumberFromName(sprint.Name, i + 1);
                if (sprints.FirstOrDefault(s => s.Number == number) is { Sprint: not null } clash)
                {
                    throw Error(items[i],
                        $"{path}: '{sprint.Name}' has the same sprint number {number} as '{clash.Sprint.Name}' (line {clash.Node.Start.Line}); put a distinct number in each sprint name");
                }

                sprints.Add((sprint, number, items[i], path));
            }
        }

        // Overlapping sprints would make "the sprint week containing today" ambiguous.
        var ordered = sprints.OrderBy(s => s.Sprint.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, current) = (ordered[i - 1].Sprint, ordered[i]);
            if (current.Sprint.Start <= previous.End)
            {
                throw Error(current.Node,
                    $"{current.Path}: '{current.Sprint.Name}' starts {current.Sprint.Start:yyyy-MM-dd}, before '{previous.Name}' ends {previous.End:yyyy-MM-dd}; sprints must not overlap");
            }
        }

        return new CalendarConfig { TimeZone = timeZone, Sprints = [.. sprints.Select(s => s.Sprint)] };
    }

    private ReviewConfig MapReview(ConfigSection review)
    {
        if (Get(review, "levels") is not { } levelsNode)
        {
            return new ReviewConfig();
        }

        var path = review.KeyPath("levels");
        if (levelsNode is not YamlMappingNode mapping)
        {
            throw Error(levelsNode, $"{path}: expected a mapping of label to P-level like {{ nitpick: P3, critical: P0 }}, found {Describe(levelsNode)}");
        }

        var levels = new Dictionary<string, string>(ReviewConfig.DefaultLevels, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, YamlScalarNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ScalarKey(keyNode, path);
            var label = key.Value?.Trim() ?? "";
            if (!LabelRegex().IsMatch(label))
            {
                // The review parser reads only the bare word before any "(blocking)" decoration.
                throw Error(keyNode, $"{path}: '{label}' is not a comment label; write the bare word, e.g. issue or suggestion");
            }

            if (seen.TryGetValue(label, out var first))
            {
                throw Error(keyNode, $"{path}: label '{label}' is given twice (also line {first.Start.Line}); labels are compared ignoring case");
            }

            seen[label] = key;
            var level = valueNode is YamlScalarNode { Value: { } v } ? v.Trim() : null;
            if (level is null || !PLevelRegex().IsMatch(level))
            {
                var shown = level is null ? Describe(valueNode) : $"'{level}'";
                throw Error(valueNode, $"{path}.{label}: {shown} is not a P-level (use P0, P1, P2 or P3)");
            }

            levels[label] = level.ToUpperInvariant();
        }

        return new ReviewConfig { Levels = levels };
    }

    private ConfigSection Section(YamlNode node, string path, long line, string[] allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            var where = path.Length == 0 ? "at the top level" : path + ":";
            throw Error(node, $"{where} expected a mapping of keys ({string.Join(", ", allowed)}), found {Describe(node)}");
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var keyLines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ScalarKey(keyNode, path).Value ?? "";
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw Error(keyNode, UnknownKeyMessage(keyPath, key, path, allowed));
            }

            keyLines[key] = keyNode.Start.Line;
            values[key] = value;
        }

        return new ConfigSection(path, line, values, keyLines);
    }

    private ConfigSection? OptionalSection(ConfigSection parent, string key, string[] allowed) =>
        Get(parent, key) is { } node ? Section(node, parent.KeyPath(key), parent.KeyLines[key], allowed) : null;

    private static string UnknownKeyMessage(string keyPath, string key, string parentPath, string[] allowed)
    {
        var lower = key.ToLowerInvariant();
        if (lower.Contains("token", StringComparison.Ordinal) || lower.Contains("api_key", StringComparison.Ordinal)
            || lower.Contains("apikey", StringComparison.Ordinal) || lower.Contains("password", StringComparison.Ordinal)
            || lower.Contains("secret", StringComparison.Ordinal))
        {
            var envKey = allowed.FirstOrDefault(k => k.EndsWith("_env", StringComparison.Ordinal));
            return envKey is null
                ? $"unknown key '{keyPath}' (secrets never live in evidence.yml; they are read from the environment variables named by gitlab.token_env and linear.api_key_env)"
                : $"unknown key '{keyPath}' (did you mean '{envKey}'? secrets are read from the environment variable named by {envKey})";
        }

        // A key that belongs to another section is most likely mis-indented.
        var elsewhere = KeysBySection.Where(s => s.Value.Contains(key, StringComparer.Ordinal))
            .Select(s => s.Key.Length == 0 ? $"'{key}'" : $"'{s.Key}.{key}'")
            .ToList();
        if (elsewhere.Count > 0)
        {
            return $"unknown key '{keyPath}' (did you mean {string.Join(" or ", elsewhere)}? check its indentation)";
        }

        if (KeySuggester.Closest(key, allowed) is { } suggestion)
        {
            return $"unknown key '{keyPath}' (did you mean '{suggestion}'?)";
        }

        var where = parentPath.Length == 0 ? "top-level keys" : $"keys under {parentPath}";
        return $"unknown key '{keyPath}'; known {where}: {string.Join(", ", allowed)}";
    }

    private YamlScalarNode ScalarKey(YamlNode keyNode, string path) =>
        keyNode as YamlScalarNode
            ?? throw Error(keyNode, $"{(path.Length == 0 ? "top level" : path)}: keys must be plain names, found {Describe(keyNode)}");

    /// <summary>The value of <paramref name="key"/>, or null when it is absent or written as null/empty.</summary>
    private static YamlNode? Get(ConfigSection section, string key) =>
        section.Values.TryGetValue(key, out var node) && !IsNull(node) ? node : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private string? OptionalString(ConfigSection section, string key)
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

    private string RequiredString(ConfigSection section, string key) =>
        OptionalString(section, key) ?? throw MissingKey(section, key);

    private IReadOnlyList<string> StringList(ConfigSection section, string key, string example)
    {
        if (Get(section, key) is not { } node)
        {
            return [];
        }

        var path = section.KeyPath(key);
        var items = Sequence(node, path, example);
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

    private IList<YamlNode> Sequence(YamlNode node, string path, string example) =>
        node is YamlSequenceNode sequence
            ? sequence.Children
            : throw Error(node, $"{path}: expected a list like {example}, found {Describe(node)}");

    private int? OptionalInt(ConfigSection section, string key, int min, int max, string expected)
    {
        if (OptionalString(section, key) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(section.Values[key], $"{section.KeyPath(key)}: '{text}' is not {expected}");
    }

    private int TimeoutSeconds(ConfigSection section) =>
        OptionalInt(section, "timeout_seconds", 5, 3600, "a number of seconds from 5 to 3600") ?? GitLabConfig.DefaultTimeoutSeconds;

    private int RequiredWeeks(ConfigSection section, string key) =>
        OptionalInt(section, key, 1, 52, "a number of weeks (use a whole number from 1 to 52)") ?? throw MissingKey(section, key);

    private DateOnly RequiredDate(ConfigSection section, string key)
    {
        var text = RequiredString(section, key);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error(section.Values[key], $"{section.KeyPath(key)}: '{text}' is not a date (use YYYY-MM-DD)");
        }

        return CourseCalendar.Supports(date)
            ? date
            : throw Error(section.Values[key], $"{section.KeyPath(key)}: {text} is outside the dates evidence supports ({CourseCalendar.SupportedRange})");
    }

    private Uri RequiredUrl(ConfigSection section, string key, string example)
    {
        var text = RequiredString(section, key);

        // A token pasted into the URL must not be echoed back into a log.
        var shown = UserInfoRegex().Replace(text, "$1");
        if (shown != text)
        {
            var envKey = section.Path == "linear" ? "linear.api_key_env" : "gitlab.token_env";
            throw Error(section.Values[key],
                $"{section.KeyPath(key)}: credentials in the URL are not allowed ('{shown}'); remove them and put the secret in the environment variable named by {envKey}");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : throw Error(section.Values[key], $"{section.KeyPath(key)}: '{text}' is not an absolute http(s) URL (write it like {example})");
    }

    private string EnvName(ConfigSection section, string key, string fallback, string secretName)
    {
        var name = OptionalString(section, key);
        if (name is null)
        {
            return fallback;
        }

        // The value is not echoed: a user who pasted the secret itself here must not see it in logs.
        return EnvNameRegex().IsMatch(name)
            ? name
            : throw Error(section.Values[key],
                $"{section.KeyPath(key)}: expected the name of an environment variable (letters, digits and _), e.g. {fallback}; put the {secretName} itself in that variable");
    }

    private void CheckEmail(ConfigSection section, string key, string value, YamlNode node, string index)
    {
        if (!EmailRegex().IsMatch(value))
        {
            throw Error(node, $"{section.KeyPath(key)}{index}: '{value}' is not an email address");
        }
    }

    private string ResolvePath(ConfigSection section, string key, string value)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(baseDirectory, value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Error(section.Values[key], $"{section.KeyPath(key)}: '{value}' is not a usable path ({e.Message})");
        }
    }

    private EvidenceException MissingKey(ConfigSection section, string key) =>
        Error(section.Line, $"missing required key '{section.KeyPath(key)}'");

    /// <summary>A required section that is absent or empty: names its first required key, on the section's line if written.</summary>
    private EvidenceException MissingSection(ConfigSection parent, string section, string firstRequired) =>
        Error(parent.KeyLines.TryGetValue(section, out var line) ? line : parent.Line, $"missing required key '{parent.KeyPath(section)}.{firstRequired}'");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode { Value: var v } => $"the value '{v}'",
        _ => "an alias",
    };

    private EvidenceException Error(YamlNode node, string message) => Error(node.Start.Line, message);

    private EvidenceException Error(long line, string message) => new($"{file}:{line}: {message}");

    [GeneratedRegex(@"^(\d+|[^\s/]+(/[^\s/]+)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectRegex();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*://)[^/?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoRegex();

    [GeneratedRegex(@"^[A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^[Pp][0-3]$", RegexOptions.CultureInvariant)]
    private static partial Regex PLevelRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvNameRegex();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    /// <summary>A mapping whose keys were checked; <see cref="Line"/> is where a missing key is reported.</summary>
    private sealed record ConfigSection(string Path, long Line, IReadOnlyDictionary<string, YamlNode> Values, IReadOnlyDictionary<string, long> KeyLines)
    {
        public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
    }
}
