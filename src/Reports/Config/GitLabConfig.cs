using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary><c>gitlab:</c> in <c>evidence.yml</c>.</summary>
internal sealed partial record GitLabConfig
{
    /// <summary>GitLab CI's API URL, the instance for <c>notify</c> when the config names none.</summary>
    public const string CiApiUrlVariable = "CI_API_V4_URL";

    /// <summary>Instance base URL; the API is at <c>{url}/api/v4</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>Where <c>gitlab.url</c> is written, e.g. <c>evidence.yml:7</c>; null when the URL came from GitLab CI.</summary>
    public string? UrlWhere { get; init; }

    /// <summary>
    /// The URL is still the placeholder <c>evidence init</c> writes (<c>gitlab.example.com</c>): a run would only
    /// fail to reach it, so commands that collect refuse it first with the fix.
    /// </summary>
    public string? PlaceholderProblem() =>
        string.Equals(Url.Host, new Uri(ConfigSchema.GitLab.Url.Sample!).Host, StringComparison.OrdinalIgnoreCase)
            ? $"{UrlWhere ?? "the config"}: gitlab.url is still the placeholder {Url.GetLeftPart(UriPartial.Authority)} that 'evidence init' wrote; set it to your GitLab instance, e.g. https://gitlab.com"
            : null;

    /// <summary>Full project paths (<c>ppl/sira-backend</c>) or numeric ids, as written.</summary>
    public required IReadOnlyList<string> Projects { get; init; }

    /// <summary>Name of the environment variable that holds the token.</summary>
    public string TokenEnv { get; init; } = ConfigSchema.GitLab.DefaultTokenEnv;

    /// <summary>Accounts whose notes are automation, not review.</summary>
    public IReadOnlyList<string> Bots { get; init; } = [];

    /// <summary>How many per-merge-request requests may run at once.</summary>
    public int Concurrency { get; init; } = ConfigSchema.GitLab.DefaultConcurrency;

    /// <summary>A server that accepts connections and never answers fails the run within this many seconds.</summary>
    public int TimeoutSeconds { get; init; } = ConfigSchema.GitLab.DefaultTimeoutSeconds;

    /// <summary>A run that would send GitLab more requests than this stops with exit code 2.</summary>
    public int MaxRequests { get; init; } = ConfigSchema.GitLab.DefaultMaxRequests;

    /// <summary>
    /// Reads <c>gitlab:</c>; for <c>notify</c> in GitLab CI the instance may come from
    /// <see cref="CiApiUrlVariable"/> instead, and the projects may be left out.
    /// </summary>
    internal static GitLabConfig Read(ConfigReader reader, YamlSection? gitlab, YamlSection root)
    {
        var (keys, notify) = (ConfigSchema.GitLab.Section, reader.Purpose == ConfigPurpose.Notify);
        if (gitlab is null)
        {
            return notify
                ? new GitLabConfig { Url = CiApiUrl(reader) ?? throw reader.MissingSection(root, ConfigSchema.Root.GitLab, ConfigSchema.GitLab.Url, $" (or run in GitLab CI, which sets {CiApiUrlVariable})"), Projects = [] }
                : throw reader.MissingSection(root, ConfigSchema.Root.GitLab, ConfigSchema.GitLab.Url);
        }

        var (urlKey, projectsKey) = (ConfigSchema.GitLab.Url, ConfigSchema.GitLab.Projects);
        var url = notify && ConfigReader.Get(gitlab, urlKey) is null && CiApiUrl(reader) is { } fromCi
            ? fromCi
            : reader.RequiredUrl(gitlab, urlKey, keys.KeyPath(ConfigSchema.GitLab.TokenEnv.Name));
        if (url.AbsolutePath.TrimEnd('/').EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase))
        {
            throw reader.Error(gitlab.Node(urlKey), $"{gitlab.KeyPath(urlKey)}: write the instance base URL without /api/v4 (e.g. {urlKey.Example})");
        }

        // A course names each team's projects under teams:, so the top-level list is then only their default.
        if (ConfigReader.Get(gitlab, projectsKey) is null && reader.Purpose == ConfigPurpose.Report && ConfigReader.Get(root, ConfigSchema.Root.Teams) is null)
        {
            throw reader.MissingKey(gitlab, projectsKey);
        }

        var projects = ConfigReader.Get(gitlab, projectsKey) is null ? [] : ReadProjects(reader, gitlab, projectsKey);
        return new GitLabConfig
        {
            Url = url,
            UrlWhere = ConfigReader.Get(gitlab, urlKey) is { } written ? reader.Where(written) : null,
            Projects = projects,
            TokenEnv = reader.EnvNameOrDefault(gitlab, ConfigSchema.GitLab.TokenEnv, "token"),
            Bots = reader.StringList(gitlab, ConfigSchema.GitLab.Bots),
            Concurrency = reader.IntOrDefault(gitlab, ConfigSchema.GitLab.Concurrency),
            TimeoutSeconds = reader.IntOrDefault(gitlab, ConfigSchema.GitLab.TimeoutSeconds, "a number of seconds from 5 to 3600"),
            MaxRequests = reader.IntOrDefault(gitlab, ConfigSchema.GitLab.MaxRequests),
        };
    }

    /// <summary>A written list of projects (<paramref name="key"/> of <paramref name="section"/>): not empty, each a numeric id or a full path.</summary>
    internal static IReadOnlyList<string> ReadProjects(ConfigReader reader, YamlSection section, ConfigKey key)
    {
        var projects = reader.StringList(section, key);
        if (projects.Count == 0)
        {
            throw reader.Error(section.Node(key), $"{section.KeyPath(key)} is empty; list at least one project path or id, e.g. {key.Example}");
        }

        for (var i = 0; i < projects.Count; i++)
        {
            if (!ProjectRegex().IsMatch(projects[i]))
            {
                throw reader.Error(((YamlSequenceNode)section.Node(key)).Children[i],
                    $"{section.KeyPath(key)}[{i}]: '{projects[i]}' is not a numeric project id or a full path like group/project");
            }
        }

        return projects;
    }

    /// <summary>The instance URL from GitLab CI's <c>CI_API_V4_URL</c> (which ends in /api/v4), or null outside CI.</summary>
    private static Uri? CiApiUrl(ConfigReader reader)
    {
        var value = reader.Environment(CiApiUrlVariable);
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var instance = path.EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase) ? path[..^"/api/v4".Length] : path;
        return new UriBuilder(uri) { Path = instance + "/", UserName = "", Password = "", Query = "", Fragment = "" }.Uri;
    }

    [GeneratedRegex(@"^(\d+|[^\s/]+(/[^\s/]+)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectRegex();
}
