using System.Globalization;
using System.Text.RegularExpressions;
using Reports.Analysis.Reviews;
using Reports.Calendar;
using Reports.Site;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary>
/// Maps the YAML node tree of <c>evidence.yml</c> onto <see cref="EvidenceConfig"/> by hand, so
/// that every error can name the file, the line and the key path.
/// </summary>
internal sealed partial class ConfigMapper(string file, string baseDirectory, ConfigPurpose purpose, Func<string, string?> environment)
{
    /// <summary>GitLab CI's API URL, the instance for <c>notify</c> when the config names none.</summary>
    public const string CiApiUrlVariable = "CI_API_V4_URL";

    /// <summary>Each student's mapping, in order, so that a later check can name its line.</summary>
    private readonly List<Mapped> _studentSections = [];

    public EvidenceConfig Map(YamlNode rootNode, string fullPath)
    {
        var root = Section(rootNode, ConfigSchema.Root.Section, rootNode.Start.Line);
        var gitlab = OptionalSection(root, ConfigSchema.Root.GitLab);
        var linear = OptionalSection(root, ConfigSchema.Root.Linear);
        var calendar = OptionalSection(root, ConfigSchema.Root.Calendar);
        var review = OptionalSection(root, ConfigSchema.Root.Review);
        var site = OptionalSection(root, ConfigSchema.Root.Site);
        var notify = OptionalSection(root, ConfigSchema.Root.Notify);

        var config = new EvidenceConfig
        {
            SourcePath = fullPath,
            Course = OptionalString(root, ConfigSchema.Root.Course),
            Students = MapStudents(root),
            IsTeam = Get(root, ConfigSchema.Root.Students) is not null,
            GitLab = MapGitLab(gitlab, root),
            Linear = linear is null
                ? (purpose == ConfigPurpose.Notify ? throw MissingSection(root, ConfigSchema.Root.Linear, ConfigSchema.Linear.Teams) : null)
                : MapLinear(linear),
            Calendar = calendar is null ? new CalendarConfig() : MapCalendar(calendar),
            Review = review is null ? new ReviewConfig() : MapReview(review),
            Site = site is null ? new SiteConfig() : MapSite(site),
            Notify = notify is null
                ? (purpose == ConfigPurpose.Notify ? throw MissingSection(root, ConfigSchema.Root.Notify, ConfigSchema.Notify.TokenEnv) : null)
                : MapNotify(notify),
            NotesDirectory = ResolvePath(root, ConfigSchema.Root.Notes, OptionalString(root, ConfigSchema.Root.Notes) ?? "notes"),
            TemplatesDirectory = TemplatesDirectory(root),
            OutputDirectory = ResolvePath(root, ConfigSchema.Root.Output, OptionalString(root, ConfigSchema.Root.Output) ?? "output"),
            CacheDirectory = Path.GetFullPath(Path.Combine(baseDirectory, ".evidence-cache")),
        };
        RequireLinearEmails(config);
        return config;
    }

    /// <summary>
    /// With <c>linear:</c> set, a report needs every student's Linear account; checked after the rest
    /// so that a mistake elsewhere is reported where it is.
    /// </summary>
    private void RequireLinearEmails(EvidenceConfig config)
    {
        if (purpose != ConfigPurpose.Report || config.Linear is null)
        {
            return;
        }

        var key = ConfigSchema.Student.LinearEmail;
        for (var i = 0; i < config.Students.Count; i++)
        {
            if (config.Students[i].LinearEmail is null)
            {
                var section = _studentSections[i];
                throw Error(section.Line,
                    $"missing required key '{section.KeyPath(key)}' (linear: is set, so each student needs the email of their Linear account; or remove linear:)");
            }
        }
    }

    private string? TemplatesDirectory(Mapped root)
    {
        var key = ConfigSchema.Root.Templates;
        if (OptionalString(root, key) is not { } value)
        {
            return null;
        }

        // Checked here because a missing overrides folder would otherwise silently fall back to the shipped templates.
        var folder = ResolvePath(root, key, value);
        return Directory.Exists(folder)
            ? folder
            : throw Error(root.Values[key.Name],
                $"templates: folder '{folder}' does not exist; create it (evidence templates export DIR) or remove the key to use the shipped templates");
    }

    /// <summary><c>student:</c> or <c>students:</c>, never both; required except for <c>notify</c>.</summary>
    private IReadOnlyList<StudentConfig> MapStudents(Mapped root)
    {
        var (one, team) = (ConfigSchema.Root.Student, ConfigSchema.Root.Students);
        var single = OptionalSection(root, one);
        if (Get(root, team) is not { } teamNode)
        {
            return single is not null ? [MapStudent(single)]
                : purpose == ConfigPurpose.Notify ? []
                : throw MissingSection(root, one, ConfigSchema.Student.Username);
        }

        if (single is not null)
        {
            throw Error(root.KeyLines[team.Name], $"write either {one.Name}: (one student) or {team.Name}: (a team), not both");
        }

        var items = Sequence(teamNode, team.Name, team.Example!);
        if (items.Count == 0)
        {
            throw Error(teamNode, $"{team.Name} is empty; list at least one student, e.g. {team.Example}");
        }

        var students = new List<StudentConfig>();
        for (var i = 0; i < items.Count; i++)
        {
            var section = Section(items[i], team.ItemSection!, items[i].Start.Line, $"{team.Name}[{i}]");
            var student = MapStudent(section);

            // A team's site has a folder per username; the rule lives with the site (Site/StudentFolder.cs).
            if (StudentFolder.Problem(student.Username) is { } problem)
            {
                throw Error(section.Values[ConfigSchema.Student.Username.Name], $"{section.KeyPath(ConfigSchema.Student.Username)}: {problem}");
            }

            if (students.FirstOrDefault(s => string.Equals(s.Username, student.Username, StringComparison.OrdinalIgnoreCase)) is { } twin)
            {
                throw Error(items[i], $"{team.Name}[{i}]: '{student.Username}' is listed twice (also {team.Name}[{students.IndexOf(twin)}]); usernames are compared ignoring case");
            }

            students.Add(student);
        }

        return students;
    }

    private StudentConfig MapStudent(Mapped student)
    {
        _studentSections.Add(student);
        var keys = (Username: ConfigSchema.Student.Username, Emails: ConfigSchema.Student.Emails, LinearEmail: ConfigSchema.Student.LinearEmail);
        var username = RequiredString(student, keys.Username);
        var emails = StringList(student, keys.Emails);
        for (var i = 0; i < emails.Count; i++)
        {
            CheckEmail(student, keys.Emails, emails[i], ((YamlSequenceNode)student.Values[keys.Emails.Name]).Children[i], $"[{i}]");
        }

        var linearEmail = OptionalString(student, keys.LinearEmail);
        if (linearEmail is not null)
        {
            CheckEmail(student, keys.LinearEmail, linearEmail, student.Values[keys.LinearEmail.Name], "");
        }

        return new StudentConfig
        {
            Username = username,
            Name = OptionalString(student, ConfigSchema.Student.Name),
            Emails = emails,
            LinearEmail = linearEmail,
        };
    }

    private GitLabConfig MapGitLab(Mapped? gitlab, Mapped root)
    {
        if (gitlab is null)
        {
            return purpose == ConfigPurpose.Notify
                ? new GitLabConfig { Url = CiApiUrl() ?? throw MissingSection(root, ConfigSchema.Root.GitLab, ConfigSchema.GitLab.Url, $" (or run in GitLab CI, which sets {CiApiUrlVariable})"), Projects = [] }
                : throw MissingSection(root, ConfigSchema.Root.GitLab, ConfigSchema.GitLab.Url);
        }

        var (urlKey, projectsKey) = (ConfigSchema.GitLab.Url, ConfigSchema.GitLab.Projects);
        var url = purpose == ConfigPurpose.Notify && Get(gitlab, urlKey) is null && CiApiUrl() is { } fromCi ? fromCi : RequiredUrl(gitlab, urlKey);
        if (url.AbsolutePath.TrimEnd('/').EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase))
        {
            throw Error(gitlab.Values[urlKey.Name], $"{gitlab.KeyPath(urlKey)}: write the instance base URL without /api/v4 (e.g. {urlKey.Example})");
        }

        if (Get(gitlab, projectsKey) is null && purpose == ConfigPurpose.Report)
        {
            throw MissingKey(gitlab, projectsKey);
        }

        var projects = StringList(gitlab, projectsKey);
        if (projects.Count == 0 && Get(gitlab, projectsKey) is not null)
        {
            throw Error(gitlab.Values[projectsKey.Name],
                $"{gitlab.KeyPath(projectsKey)} is empty; list at least one project path or id, e.g. {projectsKey.Example}");
        }

        var projectNodes = projects.Count == 0 ? [] : ((YamlSequenceNode)gitlab.Values[projectsKey.Name]).Children;

        for (var i = 0; i < projects.Count; i++)
        {
            if (!ProjectRegex().IsMatch(projects[i]))
            {
                throw Error(projectNodes[i],
                    $"{gitlab.KeyPath(projectsKey)}[{i}]: '{projects[i]}' is not a numeric project id or a full path like group/project");
            }
        }

        return new GitLabConfig
        {
            Url = url,
            Projects = projects,
            TokenEnv = EnvName(gitlab, ConfigSchema.GitLab.TokenEnv, GitLabConfig.DefaultTokenEnv, "token"),
            Bots = StringList(gitlab, ConfigSchema.GitLab.Bots),
            Concurrency = OptionalInt(gitlab, ConfigSchema.GitLab.Concurrency, 1, 32, "a whole number from 1 to 32") ?? GitLabConfig.DefaultConcurrency,
            TimeoutSeconds = TimeoutSeconds(gitlab, ConfigSchema.GitLab.TimeoutSeconds),
        };
    }

    private LinearConfig MapLinear(Mapped linear)
    {
        var defaults = new LinearConfig();
        var teams = StringList(linear, ConfigSchema.Linear.Teams);
        if (purpose == ConfigPurpose.Notify && teams.Count == 0)
        {
            // notify links only identifiers of known team keys, so "every team" cannot stand in.
            throw Get(linear, ConfigSchema.Linear.Teams) is null
                ? MissingKey(linear, ConfigSchema.Linear.Teams)
                : Error(linear.Values[ConfigSchema.Linear.Teams.Name], $"{linear.KeyPath(ConfigSchema.Linear.Teams)} is empty; evidence notify needs the team keys whose identifiers link tickets, e.g. [SIRA]");
        }

        return new LinearConfig
        {
            Url = Get(linear, ConfigSchema.Linear.Url) is null ? defaults.Url : RequiredUrl(linear, ConfigSchema.Linear.Url),
            ApiKeyEnv = EnvName(linear, ConfigSchema.Linear.ApiKeyEnv, defaults.ApiKeyEnv, "API key"),
            Teams = teams,
            TimeoutSeconds = TimeoutSeconds(linear, ConfigSchema.Linear.TimeoutSeconds),
        };
    }

    private SiteConfig MapSite(Mapped site)
    {
        var (baseUrlKey, formatKey, sectionKey) = (ConfigSchema.Site.BaseUrl, ConfigSchema.Site.Format, ConfigSchema.Site.HugoSection);
        var baseUrl = Get(site, baseUrlKey) is null ? null : RequiredUrl(site, baseUrlKey);
        var format = OptionalString(site, formatKey) switch
        {
            null or "html" => SiteFormat.Html,
            "hugo" => SiteFormat.Hugo,
            var other => throw Error(site.Values[formatKey.Name], $"{site.KeyPath(formatKey)}: '{other}' is not a site format (use html or hugo)"),
        };
        var section = OptionalString(site, sectionKey) ?? SiteConfig.DefaultHugoSection;
        if (!SlugRegex().IsMatch(section))
        {
            throw Error(site.Values[sectionKey.Name], $"{site.KeyPath(sectionKey)}: '{section}' is not a Hugo section name (lower-case letters, digits, - and _)");
        }

        return new SiteConfig
        {
            // A base URL without its final '/' would drop its last path segment when links are resolved against it.
            BaseUrl = baseUrl is null ? null : new Uri(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/"),
            Format = format,
            HugoSection = section,
        };
    }

    private NotifyConfig MapNotify(Mapped notify)
    {
        var (tokenKey, skipKey) = (ConfigSchema.Notify.TokenEnv, ConfigSchema.Notify.SkipWhenEmpty);
        if (Get(notify, tokenKey) is null)
        {
            throw MissingKey(notify, tokenKey);
        }

        return new NotifyConfig
        {
            TokenEnv = EnvName(notify, tokenKey, "SIRABOT_TOKEN", "bot's token"),
            SkipWhenEmpty = OptionalString(notify, skipKey) switch
            {
                null or "false" => false,
                "true" => true,
                var other => throw Error(notify.Values[skipKey.Name], $"{notify.KeyPath(skipKey)}: '{other}' is not true or false"),
            },
        };
    }

    /// <summary>The instance URL from GitLab CI's <c>CI_API_V4_URL</c> (which ends in /api/v4), or null outside CI.</summary>
    private Uri? CiApiUrl()
    {
        var value = environment(CiApiUrlVariable);
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var instance = path.EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase) ? path[..^"/api/v4".Length] : path;
        return new UriBuilder(uri) { Path = instance + "/", UserName = "", Password = "", Query = "", Fragment = "" }.Uri;
    }

    private CalendarConfig MapCalendar(Mapped calendar)
    {
        var (zoneKey, sprintsKey) = (ConfigSchema.Calendar.TimeZone, ConfigSchema.Calendar.Sprints);
        var timeZone = OptionalString(calendar, zoneKey) ?? CalendarConfig.DefaultTimeZone;
        var zone = TimeZones.TryFind(timeZone)
            ?? throw Error(Get(calendar, zoneKey)?.Start.Line ?? calendar.Line, $"{calendar.KeyPath(zoneKey)}: {TimeZones.UnknownMessage(timeZone)}");

        var sprints = new List<(SprintConfig Sprint, int Number, YamlNode Node, string Path)>();
        if (Get(calendar, sprintsKey) is { } sprintsNode)
        {
            var items = Sequence(sprintsNode, calendar.KeyPath(sprintsKey), sprintsKey.Example!);
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"{calendar.KeyPath(sprintsKey)}[{i}]";
                if (items[i] is not YamlMappingNode)
                {
                    throw Error(items[i], $"{path}: expected a mapping like {ConfigSchema.Sprint.Example}, found {Describe(items[i])}");
                }

                var item = Section(items[i], ConfigSchema.Sprint.Section, items[i].Start.Line, path);
                var sprint = new SprintConfig(
                    RequiredString(item, ConfigSchema.Sprint.Name),
                    RequiredDate(item, ConfigSchema.Sprint.Start),
                    OptionalInt(item, ConfigSchema.Sprint.Weeks, 1, 52, "a number of weeks (use a whole number from 1 to 52)") ?? throw MissingKey(item, ConfigSchema.Sprint.Weeks));
                if (sprint.Start.DayNumber + (7 * sprint.Weeks) - 1 > CourseCalendar.LastSupportedDate.DayNumber)
                {
                    throw Error(item.Values[ConfigSchema.Sprint.Weeks.Name], $"{path}: '{sprint.Name}' would end after {CourseCalendar.LastSupportedDate:yyyy-MM-dd}, the last date evidence supports");
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

        return new CalendarConfig { TimeZone = timeZone, Zone = zone, Sprints = [.. sprints.Select(s => s.Sprint)] };
    }

    private ReviewConfig MapReview(Mapped review)
    {
        var key = ConfigSchema.Review.Levels;
        if (Get(review, key) is not { } levelsNode)
        {
            return new ReviewConfig();
        }

        var path = review.KeyPath(key);
        if (levelsNode is not YamlMappingNode mapping)
        {
            throw Error(levelsNode, $"{path}: expected a mapping of label to P-level like {key.Example}, found {Describe(levelsNode)}");
        }

        var levels = new Dictionary<string, Severity>(ReviewConfig.DefaultLevels, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, YamlScalarNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var labelNode = ScalarKey(keyNode, path);
            var label = labelNode.Value?.Trim() ?? "";
            if (!LabelRegex().IsMatch(label))
            {
                // The review parser reads only the bare word before any "(blocking)" decoration.
                throw Error(keyNode, $"{path}: '{label}' is not a comment label; write the bare word, e.g. issue or suggestion");
            }

            if (seen.TryGetValue(label, out var first))
            {
                throw Error(keyNode, $"{path}: label '{label}' is given twice (also line {first.Start.Line}); labels are compared ignoring case");
            }

            seen[label] = labelNode;
            var level = valueNode is YamlScalarNode { Value: { } v } ? v.Trim() : null;
            if (!ReviewCommentParser.TryParseSeverity(level, out var severity))
            {
                var shown = level is null ? Describe(valueNode) : $"'{level}'";
                throw Error(valueNode, $"{path}.{label}: {shown} is not a P-level (use P0, P1, P2 or P3)");
            }

            levels[label] = severity;
        }

        return new ReviewConfig { Levels = levels };
    }

    private Mapped Section(YamlNode node, ConfigSection schema, long line, string? path = null)
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

        return new Mapped(path, line, values, keyLines);
    }

    private Mapped? OptionalSection(Mapped parent, ConfigKey key) =>
        Get(parent, key) is { } node ? Section(node, key.Section!, parent.KeyLines[key.Name], parent.KeyPath(key)) : null;

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

    private YamlScalarNode ScalarKey(YamlNode keyNode, string path) =>
        keyNode as YamlScalarNode
            ?? throw Error(keyNode, $"{(path.Length == 0 ? "top level" : path)}: keys must be plain names, found {Describe(keyNode)}");

    /// <summary>The value of <paramref name="key"/>, or null when it is absent or written as null/empty.</summary>
    private static YamlNode? Get(Mapped section, ConfigKey key) =>
        section.Values.TryGetValue(key.Name, out var node) && !IsNull(node) ? node : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private string? OptionalString(Mapped section, ConfigKey key)
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

    private string RequiredString(Mapped section, ConfigKey key) =>
        OptionalString(section, key) ?? throw MissingKey(section, key);

    private IReadOnlyList<string> StringList(Mapped section, ConfigKey key)
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

    private IList<YamlNode> Sequence(YamlNode node, string path, string example) =>
        node is YamlSequenceNode sequence
            ? sequence.Children
            : throw Error(node, $"{path}: expected a list like {example}, found {Describe(node)}");

    private int? OptionalInt(Mapped section, ConfigKey key, int min, int max, string expected)
    {
        if (OptionalString(section, key) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(section.Values[key.Name], $"{section.KeyPath(key)}: '{text}' is not {expected}");
    }

    private int TimeoutSeconds(Mapped section, ConfigKey key) =>
        OptionalInt(section, key, 5, 3600, "a number of seconds from 5 to 3600") ?? GitLabConfig.DefaultTimeoutSeconds;

    private DateOnly RequiredDate(Mapped section, ConfigKey key)
    {
        var text = RequiredString(section, key);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error(section.Values[key.Name], $"{section.KeyPath(key)}: '{text}' is not a date (use YYYY-MM-DD)");
        }

        return CourseCalendar.Supports(date)
            ? date
            : throw Error(section.Values[key.Name], $"{section.KeyPath(key)}: {text} is outside the dates evidence supports ({CourseCalendar.SupportedRange})");
    }

    private Uri RequiredUrl(Mapped section, ConfigKey key)
    {
        var text = RequiredString(section, key);

        // A token pasted into the URL must not be echoed back into a log.
        var shown = UserInfoRegex().Replace(text, "$1");
        if (shown != text)
        {
            var envKey = section.Path == ConfigSchema.Linear.Section.Path
                ? ConfigSchema.Linear.Section.KeyPath(ConfigSchema.Linear.ApiKeyEnv.Name)
                : ConfigSchema.GitLab.Section.KeyPath(ConfigSchema.GitLab.TokenEnv.Name);
            throw Error(section.Values[key.Name],
                $"{section.KeyPath(key)}: credentials in the URL are not allowed ('{shown}'); remove them and put the secret in the environment variable named by {envKey}");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : throw Error(section.Values[key.Name], $"{section.KeyPath(key)}: '{text}' is not an absolute http(s) URL (write it like {key.Example})");
    }

    private string EnvName(Mapped section, ConfigKey key, string fallback, string secretName)
    {
        var name = OptionalString(section, key);
        if (name is null)
        {
            return fallback;
        }

        // The value is not echoed: a user who pasted the secret itself here must not see it in logs.
        return EnvNameRegex().IsMatch(name)
            ? name
            : throw Error(section.Values[key.Name],
                $"{section.KeyPath(key)}: expected the name of an environment variable (letters, digits and _), e.g. {fallback}; put the {secretName} itself in that variable");
    }

    private void CheckEmail(Mapped section, ConfigKey key, string value, YamlNode node, string index)
    {
        if (!EmailRegex().IsMatch(value))
        {
            throw Error(node, $"{section.KeyPath(key)}{index}: '{value}' is not an email address");
        }
    }

    private string ResolvePath(Mapped section, ConfigKey key, string value)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(baseDirectory, value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Error(section.Values[key.Name], $"{section.KeyPath(key)}: '{value}' is not a usable path ({e.Message})");
        }
    }

    private EvidenceException MissingKey(Mapped section, ConfigKey key) =>
        Error(section.Line, $"missing required key '{section.KeyPath(key)}'");

    /// <summary>A required section that is absent or empty: names its first required key, on the section's line if written.</summary>
    private EvidenceException MissingSection(Mapped parent, ConfigKey section, ConfigKey firstRequired, string hint = "") =>
        Error(parent.KeyLines.TryGetValue(section.Name, out var line) ? line : parent.Line, $"missing required key '{parent.KeyPath(section)}.{firstRequired.Name}'{hint}");

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

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();

    [GeneratedRegex(@"^[A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvNameRegex();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    /// <summary>A mapping of the file whose keys were checked; <see cref="Line"/> is where a missing key is reported.</summary>
    private sealed record Mapped(string Path, long Line, IReadOnlyDictionary<string, YamlNode> Values, IReadOnlyDictionary<string, long> KeyLines)
    {
        public string KeyPath(ConfigKey key) => Path.Length == 0 ? key.Name : $"{Path}.{key.Name}";
    }
}
