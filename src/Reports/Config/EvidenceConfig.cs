using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary>
/// <c>evidence.yml</c> as loaded: defaults applied and every relative path resolved against the
/// folder of the config file. Holds names of environment variables, never secrets.
/// </summary>
internal sealed record EvidenceConfig
{
    /// <summary>Full path of the file this was read from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Prefix of the report title, e.g. "PPL"; none when null.</summary>
    public string? Course { get; init; }

    /// <summary>Whose reports these are: one student (<c>student:</c>), a team (<c>students:</c>) or a course (<c>roster:</c>); empty only for <c>notify</c>.</summary>
    public required IReadOnlyList<StudentConfig> Students { get; init; }

    /// <summary>True when the file lists <c>students:</c> or a <c>roster:</c>: reports go into a folder per student, notes too.</summary>
    public bool IsTeam { get; init; }

    /// <summary>The teams of a course (<c>teams:</c>), in the order written; empty for one student or one team.</summary>
    public IReadOnlyList<TeamConfig> Teams { get; init; } = [];

    /// <summary>True when the config describes a course: <c>build</c> writes a site per team and the course pages.</summary>
    public bool IsCourse => Teams.Count > 0;

    /// <summary>The team's name when this config is one team of a course (<see cref="ForTeam"/>); null otherwise.</summary>
    public string? TeamName { get; init; }

    /// <summary>The first student: in a single-student config, the only one.</summary>
    public StudentConfig Student => Students[0];

    public required GitLabConfig GitLab { get; init; }

    public LinearConfig? Linear { get; init; }

    public required CalendarConfig Calendar { get; init; }

    public ReviewConfig Review { get; init; } = new();

    /// <summary>Thresholds of the team's attention list.</summary>
    public AttentionConfig Attention { get; init; } = new();

    public SiteConfig Site { get; init; } = new();

    /// <summary>Set when <c>notify:</c> is written; <c>evidence notify</c> requires it.</summary>
    public NotifyConfig? Notify { get; init; }

    /// <summary>Absolute folder of the narrative notes files.</summary>
    public required string NotesDirectory { get; init; }

    /// <summary>Absolute folder of template overrides, if any.</summary>
    public string? TemplatesDirectory { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Absolute folder of the per-merge-request cache (<c>.evidence-cache/</c> beside the config).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>The whole file: each section read by its record, then the checks that span sections.</summary>
    internal static EvidenceConfig Read(ConfigReader reader, YamlNode rootNode, string fullPath)
    {
        var root = reader.Section(rootNode, ConfigSchema.Root.Section, rootNode.Start.Line);
        var notify = reader.Purpose == ConfigPurpose.Notify;

        // Every section's keys are checked before any value is read, as the file is read top to bottom.
        var gitlab = reader.OptionalSection(root, ConfigSchema.Root.GitLab);
        var linear = reader.OptionalSection(root, ConfigSchema.Root.Linear);
        var calendar = reader.OptionalSection(root, ConfigSchema.Root.Calendar);
        var review = reader.OptionalSection(root, ConfigSchema.Root.Review);
        var attention = reader.OptionalSection(root, ConfigSchema.Root.Attention);
        var site = reader.OptionalSection(root, ConfigSchema.Root.Site);
        var notifySection = reader.OptionalSection(root, ConfigSchema.Root.Notify);
        var course = reader.OptionalString(root, ConfigSchema.Root.Course);
        var teams = TeamConfig.ReadAll(reader, root, linear is not null);
        var students = StudentConfig.ReadAll(reader, root, teams, linear is not null);
        var config = new EvidenceConfig
        {
            SourcePath = fullPath,
            Course = course,
            Students = [.. students.Select(s => s.Student)],
            IsTeam = ConfigReader.Get(root, ConfigSchema.Root.Students) is not null || ConfigReader.Get(root, ConfigSchema.Root.Roster) is not null,
            Teams = teams,
            GitLab = GitLabConfig.Read(reader, gitlab, root),
            Linear = linear is not null ? LinearConfig.Read(reader, linear)
                : notify ? throw reader.MissingSection(root, ConfigSchema.Root.Linear, ConfigSchema.Linear.Teams) : null,
            Calendar = calendar is null ? new CalendarConfig() : CalendarConfig.Read(reader, calendar),
            Review = review is null ? new ReviewConfig() : ReviewConfig.Read(reader, review),
            Attention = attention is null ? new AttentionConfig() : AttentionConfig.Read(reader, attention),
            Site = site is null ? new SiteConfig() : SiteConfig.Read(reader, site),
            Notify = notifySection is not null ? NotifyConfig.Read(reader, notifySection)
                : notify ? throw reader.MissingSection(root, ConfigSchema.Root.Notify, ConfigSchema.Notify.TokenEnv) : null,
            NotesDirectory = reader.FolderOrDefault(root, ConfigSchema.Root.Notes),
            TemplatesDirectory = TemplatesFolder(reader, root),
            OutputDirectory = reader.FolderOrDefault(root, ConfigSchema.Root.Output),
            CacheDirectory = Path.GetFullPath(Path.Combine(reader.BaseDirectory, ".evidence-cache")),
        };

        // With linear: set, a report needs every student's Linear account; checked last so a mistake elsewhere is reported where it is.
        if (reader.Purpose == ConfigPurpose.Report && config.Linear is not null && students.FirstOrDefault(s => s.Student.LinearEmail is null) is { Section: { } section })
        {
            throw reader.Error(section.Line,
                $"missing required key '{section.KeyPath(ConfigSchema.Student.LinearEmail)}' (linear: is set, so each student needs the email of their Linear account; or remove linear:)");
        }

        CheckTeams(reader, config);
        return config;
    }

    /// <summary>
    /// This config narrowed to one team of the course: its students, its projects and Linear workspace
    /// with the tokens to read them; a team config as <c>students:</c> would write it.
    /// </summary>
    public EvidenceConfig ForTeam(string name)
    {
        var team = Teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new EvidenceException(Teams.Count == 0
                ? $"--team {name}: '{SourcePath}' describes no course (no teams:)"
                : $"--team {name}: no such team in '{SourcePath}'; its teams are {string.Join(", ", Teams.Select(t => t.Name))}");
        return this with
        {
            Students = [.. Students.Where(s => s.Team == team.Name)],
            IsTeam = true,
            Teams = [],
            TeamName = team.Name,
            GitLab = GitLab with { Projects = team.Projects ?? GitLab.Projects, TokenEnv = team.TokenEnv ?? GitLab.TokenEnv },
            Linear = Linear is null ? null : Linear with { Teams = team.LinearTeams ?? Linear.Teams, ApiKeyEnv = team.ApiKeyEnv ?? Linear.ApiKeyEnv },
        };
    }

    // Every team has students and projects, so each builds a site; checked once the roster is read.
    private static void CheckTeams(ConfigReader reader, EvidenceConfig config)
    {
        foreach (var team in config.Teams)
        {
            if (!config.Students.Any(s => s.Team == team.Name))
            {
                throw reader.Error(team.Line, $"{ConfigSchema.Root.Teams.Name}.{team.Name}: no student of the roster is in this team; put its students' team column to '{team.Name}', or remove the team");
            }

            if ((team.Projects ?? config.GitLab.Projects).Count == 0 && reader.Purpose == ConfigPurpose.Report)
            {
                throw reader.Error(team.Line, $"missing required key '{ConfigSchema.Root.Teams.Name}.{team.Name}.{ConfigSchema.TeamSite.Projects.Name}' (gitlab.projects is not set either)");
            }
        }
    }

    private static string? TemplatesFolder(ConfigReader reader, YamlSection root)
    {
        var key = ConfigSchema.Root.Templates;
        if (reader.OptionalString(root, key) is not { } value)
        {
            return null;
        }

        // Checked here because a missing overrides folder would otherwise silently fall back to the shipped templates.
        var folder = reader.ResolvePath(root, key, value);
        return Directory.Exists(folder)
            ? folder
            : throw reader.Error(root.Node(key),
                $"templates: folder '{folder}' does not exist; create it (evidence templates export DIR) or remove the key to use the shipped templates");
    }
}
