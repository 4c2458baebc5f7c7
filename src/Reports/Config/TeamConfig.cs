using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary>
/// One team of a course: an entry of <c>teams:</c>, keyed by the roster's team name, with what belongs
/// to the team rather than a student (its projects, its Linear workspace and the tokens to read them).
/// Absent settings fall back to the top-level <c>gitlab:</c> and <c>linear:</c>.
/// </summary>
internal sealed record TeamConfig
{
    /// <summary>The team's name, as the roster's <c>team</c> column and the team's folder of the course site write it.</summary>
    public required string Name { get; init; }

    /// <summary>The team's projects; <c>gitlab.projects</c> when the entry names none.</summary>
    public IReadOnlyList<string>? Projects { get; init; }

    public string? TokenEnv { get; init; }

    /// <summary>The team's Linear team keys; <c>linear.teams</c> when null.</summary>
    public IReadOnlyList<string>? LinearTeams { get; init; }

    public string? ApiKeyEnv { get; init; }

    /// <summary>The line of the team's name, for errors found later (a team no roster row names).</summary>
    internal long Line { get; init; }

    /// <summary>Reads <c>teams:</c>, in the order written: names that can be folders, each with its settings.</summary>
    internal static IReadOnlyList<TeamConfig> ReadAll(ConfigReader reader, YamlSection root, bool linearConfigured)
    {
        var key = ConfigSchema.Root.Teams;
        if (ConfigReader.Get(root, key) is not { } node)
        {
            return [];
        }

        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            throw reader.Error(node, $"{key.Name}: expected a mapping of team names to their settings, like {key.Example}, found {ConfigReader.Describe(node)}");
        }

        var teams = new List<TeamConfig>();
        foreach (var (nameNode, value) in mapping.Children)
        {
            var name = reader.ScalarKey(nameNode, key.Name).Value?.Trim() ?? "";
            if (StudentFolder.TeamProblem(name) is { } problem)
            {
                throw reader.Error(nameNode, $"{key.Name}.{name}: {problem}");
            }

            if (teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) is { } twin)
            {
                throw reader.Error(nameNode, $"{key.Name}: '{name}' is written twice (also line {twin.Line}); team names are compared ignoring case, as their folders may be");
            }

            teams.Add(Read(reader, value, name, nameNode.Start.Line, linearConfigured));
        }

        return teams;
    }

    private static TeamConfig Read(ConfigReader reader, YamlNode node, string name, long line, bool linearConfigured)
    {
        var section = reader.Section(node, ConfigSchema.TeamSite.Section, line, $"{ConfigSchema.Root.Teams.Name}.{name}");
        var linear = reader.OptionalSection(section, ConfigSchema.TeamSite.Linear);
        if (linear is not null && !linearConfigured)
        {
            throw reader.Error(section.KeyLines[ConfigSchema.TeamSite.Linear.Name],
                $"{section.KeyPath(ConfigSchema.TeamSite.Linear)} is set but linear: is not; add linear: (the endpoint and defaults every team shares) or remove this");
        }

        var projects = ConfigReader.Get(section, ConfigSchema.TeamSite.Projects) is null ? null : GitLabConfig.ReadProjects(reader, section, ConfigSchema.TeamSite.Projects);
        return new TeamConfig
        {
            Name = name,
            Line = line,
            Projects = projects,
            TokenEnv = ConfigReader.Get(section, ConfigSchema.TeamSite.TokenEnv) is null ? null : reader.EnvNameOrDefault(section, ConfigSchema.TeamSite.TokenEnv, "token"),
            LinearTeams = linear is null || ConfigReader.Get(linear, ConfigSchema.TeamSite.LinearTeams) is null ? null : reader.StringList(linear, ConfigSchema.TeamSite.LinearTeams),
            ApiKeyEnv = linear is null || ConfigReader.Get(linear, ConfigSchema.TeamSite.ApiKeyEnv) is null ? null : reader.EnvNameOrDefault(linear, ConfigSchema.TeamSite.ApiKeyEnv, "API key"),
        };
    }
}
