using System.Text;
using Reports.Analysis.Reviews;
using Reports.Model;

namespace Reports.Config;

/// <summary>
/// Every key of <c>evidence.yml</c>, declared once with its type, default and range. The mapper
/// reads the allowed keys, the defaults and the examples in its messages from here, the typo
/// suggestions search it, <c>evidence init</c> writes its commented sample from it, and
/// <see cref="ConfigReference"/> writes <c>docs/config.md</c> and <c>evidence.schema.json</c> from it.
/// </summary>
internal static class ConfigSchema
{
    private const int CommentColumn = 41;

    public static class Student
    {
        public static readonly ConfigKey Username = new("username", ConfigType.Text, "your GitLab username (required)") { Required = "yes", Sample = "{username}", Example = "abhipraya" };
        public static readonly ConfigKey Name = new("name", ConfigType.Text, "display name in the report; the username when absent") { Sample = "{username}", Example = "Abhipraya" };
        public static readonly ConfigKey Emails = new("emails", ConfigType.EmailList, "your commit author emails (git config user.email), e.g. [you@example.com]") { Default = "[]", Sample = "[]", Example = "[you@example.com]" };
        public static readonly ConfigKey LinearEmail = new("linear_email", ConfigType.Email, "your Linear account email, if Linear is used") { Required = "with `linear:`", Sample = "you@example.com", SampleCommented = true, Example = "you@example.com" };
        public static readonly ConfigSection Section = new("student", [Username, Name, Emails, LinearEmail]);
    }

    public static class Team
    {
        /// <summary>One entry of <c>students:</c>: the keys of <c>student:</c>.</summary>
        public static readonly ConfigSection Item = new("students[i]", Student.Section.Keys);
        public const string Example = "[{ username: abhipraya }, { username: froklax }]";
    }

    public static class TeamSite
    {
        public const string Path = "teams.NAME";

        public static readonly ConfigKey Projects = new("projects", ConfigType.ProjectList, "the team's projects: full paths or numeric ids; gitlab.projects when absent") { Required = "unless `gitlab.projects` is set", Example = "[group/sira-backend, 42]" };
        public static readonly ConfigKey TokenEnv = new("token_env", ConfigType.EnvName, "environment variable with the token for the team's projects; gitlab.token_env when absent") { Example = "SIRA_GITLAB_TOKEN" };
        public static readonly ConfigKey LinearTeams = new("teams", ConfigType.TextList, "the team's Linear team keys; linear.teams when absent") { Example = "[SIRA]" };
        public static readonly ConfigKey ApiKeyEnv = new("api_key_env", ConfigType.EnvName, "environment variable with the Linear API key of the team's workspace; linear.api_key_env when absent") { Example = "SIRA_LINEAR_API_KEY" };
        public static readonly ConfigSection LinearSection = new($"{Path}.linear", [LinearTeams, ApiKeyEnv]);
        public static readonly ConfigKey Linear = new("linear", ConfigType.Section, "the team's Linear workspace, over linear: (which must be set)") { Section = LinearSection };
        public static readonly ConfigSection Section = new(Path, [Projects, TokenEnv, Linear]);
        public const string Example = "{ sira: { projects: [group/sira-backend] } }";
    }

    public static class GitLab
    {
        public const string DefaultTokenEnv = "GITLAB_TOKEN";
        public const int DefaultConcurrency = 8;
        public const int DefaultTimeoutSeconds = 60;
        public const int DefaultMaxRequests = Http.RemoteClientOptions.DefaultMaxRequests;

        public static readonly ConfigKey Url = new("url", ConfigType.Url, "GitLab instance base URL; the API is at {url}/api/v4 (required)") { Required = "yes, except for `notify` in GitLab CI", Sample = "https://gitlab.example.com", Example = "https://gitlab.example.com" };
        public static readonly ConfigKey Projects = new("projects", ConfigType.ProjectList, "full project paths or numeric ids, e.g. [ppl/sira-backend, 42] (required)") { Required = "yes, except for `notify`", Sample = "[group/project]", Example = "[group/project, 42]" };
        public static readonly ConfigKey TokenEnv = new("token_env", ConfigType.EnvName, "name of the environment variable that holds your GitLab token") { Default = DefaultTokenEnv, Sample = DefaultTokenEnv, Example = DefaultTokenEnv };
        public static readonly ConfigKey Bots = new("bots", ConfigType.TextList, "accounts whose notes are automation, not review, e.g. [sirabot]") { Default = "[]", Sample = "[]", Example = "[sirabot]" };
        public static readonly ConfigKey Concurrency = new("concurrency", ConfigType.Integer, "per-merge-request requests in flight at once (1 to 32)") { Default = Text(DefaultConcurrency), Min = 1, Max = 32, Sample = Text(DefaultConcurrency) };
        public static readonly ConfigKey TimeoutSeconds = new("timeout_seconds", ConfigType.Integer, "a server that stops answering fails the run within this many seconds") { Default = Text(DefaultTimeoutSeconds), Min = 5, Max = 3600, Sample = Text(DefaultTimeoutSeconds) };
        public static readonly ConfigKey MaxRequests = new("max_requests", ConfigType.Integer, "most requests one run sends GitLab, retries included; past it the run stops with exit 2 (docs/network.md)") { Default = Text(DefaultMaxRequests), Min = 1, Max = Http.RemoteClientOptions.MaxRequestsLimit, Example = "500000" };
        public static readonly ConfigSection Section = new("gitlab", [Url, Projects, TokenEnv, Bots, Concurrency, TimeoutSeconds, MaxRequests]);
    }

    public static class Linear
    {
        public const string DefaultUrl = "https://api.linear.app/graphql";
        public const string DefaultApiKeyEnv = "LINEAR_API_KEY";
        public const int DefaultTimeoutSeconds = 60;
        public const int DefaultMaxRequests = Http.RemoteClientOptions.DefaultMaxRequests;

        public static readonly ConfigKey Url = new("url", ConfigType.Url, "Linear GraphQL endpoint") { Default = DefaultUrl, Sample = DefaultUrl, Example = DefaultUrl };
        public static readonly ConfigKey ApiKeyEnv = new("api_key_env", ConfigType.EnvName, "name of the environment variable that holds your Linear API key") { Default = DefaultApiKeyEnv, Sample = DefaultApiKeyEnv, Example = DefaultApiKeyEnv };
        public static readonly ConfigKey Teams = new("teams", ConfigType.TextList, "team keys to read; empty means every team the key can see") { Default = "[]", Required = "for `notify`", Sample = "[SIRA]", Example = "[SIRA]" };
        public static readonly ConfigKey TimeoutSeconds = new("timeout_seconds", ConfigType.Integer, "a server that stops answering fails the run within this many seconds") { Default = Text(DefaultTimeoutSeconds), Min = 5, Max = 3600, Sample = Text(DefaultTimeoutSeconds) };
        public static readonly ConfigKey MaxRequests = new("max_requests", ConfigType.Integer, "most requests one run sends Linear, retries included; past it the run stops with exit 2 (docs/network.md)") { Default = Text(DefaultMaxRequests), Min = 1, Max = Http.RemoteClientOptions.MaxRequestsLimit, Example = "500000" };
        public static readonly ConfigSection Section = new("linear", [Url, ApiKeyEnv, Teams, TimeoutSeconds, MaxRequests]);
    }

    public static class Sprint
    {
        public static readonly ConfigKey Name = new("name", ConfigType.Text, "holds the sprint's number: Sprint 2 is --sprint 2") { Required = "yes", Example = "Sprint 1" };
        public static readonly ConfigKey Start = new("start", ConfigType.Date, "first day, YYYY-MM-DD") { Required = "yes", Example = "2025-03-10" };
        public static readonly ConfigKey Weeks = new("weeks", ConfigType.Integer, "length in weeks") { Required = "yes", Min = 1, Max = 52, Example = "2" };
        public static readonly ConfigSection Section = new("calendar.sprints[i]", [Name, Start, Weeks]);
        public const string Example = "{ name: Sprint 1, start: 2025-03-10, weeks: 2 }";
    }

    public static class Calendar
    {
        public const string DefaultTimeZone = "Asia/Jakarta";

        public static readonly ConfigKey TimeZone = new("timezone", ConfigType.TimeZone, "IANA time zone; report windows run from local midnight to midnight") { Default = DefaultTimeZone, Sample = DefaultTimeZone, Example = "Europe/Berlin" };
        public static readonly ConfigKey Sprints = new("sprints", ConfigType.SectionList, "--sprint N picks the sprint whose name holds N; week M starts start + 7*(M-1)")
        {
            Default = "[]",
            Required = "for `--sprint`, `--week` and `--all-weeks`",
            Sample = "",
            Example = $"[{Sprint.Example}]",
            ItemSection = Sprint.Section,
            SampleItem = ("- { name: Sprint 1, start: {start}, weeks: 2 }", "one line per sprint: first day (YYYY-MM-DD) and length"),
        };

        public static readonly ConfigSection Section = new("calendar", [TimeZone, Sprints]);
    }

    public static class Review
    {
        /// <summary>Labels graded without any <c>review.levels</c>: Conventional Comments' nitpick is a P3.</summary>
        public static IReadOnlyDictionary<string, Severity> DefaultLevels { get; } =
            new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["nitpick"] = Severity.P3 };

        /// <summary>The levels whose findings the report shows in full by default: the blockers, as the seed report does.</summary>
        public static IReadOnlyList<Severity> DefaultInFull { get; } = [Severity.P0];

        public const int DefaultCompactBelow = 3;

        public static readonly ConfigKey Levels = new("levels", ConfigType.LevelMap, "comment label to P-level (P0..P3), e.g. add critical: P0, important: P1") { Default = "{ nitpick: P3 }", Sample = "{ nitpick: P3 }", Example = "{ nitpick: P3, critical: P0 }" };
        public static readonly ConfigKey InFull = new("in_full", ConfigType.LevelList, "levels whose findings the report shows in full, each with its fix; the others get one line each (docs/templates.md)") { Default = "[P0]", Example = "[P0, P1]" };
        public static readonly ConfigKey CompactBelow = new("compact_below", ConfigType.Integer, "a review with fewer findings is listed in one line under \"Also reviewed\"; 0 shows every review in full") { Default = Text(DefaultCompactBelow), Min = 0, Max = 1000, Example = "2" };
        public static readonly ConfigKey TimeToFirstFinding = new("time_to_first_finding", ConfigType.Boolean, "true: say how long after a merge request opened the first finding came, and the week's median") { Default = "false" };
        public static readonly ConfigSection Section = new("review", [Levels, InFull, CompactBelow, TimeToFirstFinding]);
    }

    public static class Attention
    {
        public const int DefaultMergeShare = 60;
        public const int DefaultMinMerges = 3;
        public const int DefaultLastDayShare = 70;
        public const int DefaultLastDayMin = 3;

        public static readonly ConfigKey MergeShare = new("merge_share", ConfigType.Integer, "flag a student who did more than this percent of the team's merges in a week") { Default = Text(DefaultMergeShare), Min = 1, Max = 100, Sample = Text(DefaultMergeShare), Example = "75" };
        public static readonly ConfigKey MinMerges = new("min_merges", ConfigType.Integer, "the merge_share flag needs at least this many team merges in the week") { Default = Text(DefaultMinMerges), Min = 1, Max = 1000, Sample = Text(DefaultMinMerges), Example = "6" };
        public static readonly ConfigKey LastDayShare = new("last_day_share", ConfigType.Integer, "flag a student with more than this percent of their week's activity on its last day") { Default = Text(DefaultLastDayShare), Min = 1, Max = 100, Sample = Text(DefaultLastDayShare), Example = "80" };
        public static readonly ConfigKey LastDayMin = new("last_day_min", ConfigType.Integer, "the last_day_share flag needs at least this many counted items in the student's week") { Default = Text(DefaultLastDayMin), Min = 1, Max = 1000, Sample = Text(DefaultLastDayMin), Example = "8" };
        public static readonly ConfigSection Section = new("attention", [MergeShare, MinMerges, LastDayShare, LastDayMin]);
    }

    public static class Site
    {
        public const string DefaultHugoSection = "evidence";

        public static readonly ConfigKey BaseUrl = new("base_url", ConfigType.Url, "the URL the site is published at, for absolute links in feeds") { Sample = "https://group.gitlab.io/project/", Example = "https://group.gitlab.io/project/" };
        public static readonly ConfigKey Format = new("format", ConfigType.Choice, "html (the site) or hugo (page bundles for a Hugo site)") { Default = "html", Choices = ["html", "hugo"], Sample = "html" };
        public static readonly ConfigKey HugoSection = new("hugo_section", ConfigType.Text, "with format: hugo, pages go to content/{hugo_section}/") { Default = DefaultHugoSection, Sample = DefaultHugoSection, Example = "reports" };
        public static readonly ConfigSection Section = new("site", [BaseUrl, Format, HugoSection]);
    }

    public static class Notify
    {
        public static readonly ConfigKey TokenEnv = new("token_env", ConfigType.EnvName, "environment variable with the bot's token (api scope) for 'evidence notify'") { Required = "yes", Sample = "SIRABOT_TOKEN", Example = "SIRABOT_TOKEN" };
        public static readonly ConfigKey SkipWhenEmpty = new("skip_when_empty", ConfigType.Boolean, "true: post nothing on a merge request that links no ticket") { Default = "false", Sample = "false" };
        public static readonly ConfigSection Section = new("notify", [TokenEnv, SkipWhenEmpty]);
    }

    public static class Root
    {
        public const string DefaultNotes = "notes";
        public const string DefaultOutput = "output";

        public static readonly ConfigKey Course = new("course", ConfigType.Text, "prefix of the report title") { Sample = "PPL", Example = "PPL" };
        public static readonly ConfigKey Student = new("student", ConfigType.Section, "who the report is about") { Required = "this, `students:` or `roster:`, except for `notify`", Section = ConfigSchema.Student.Section };
        public static readonly ConfigKey Students = new("students", ConfigType.SectionList, "a team instead of student: one entry per student, with the same keys") { Example = Team.Example, ItemSection = Team.Item };
        public static readonly ConfigKey Roster = new("roster", ConfigType.File, "a CSV of the course's students instead of students: (columns username,name,emails,linear_email,team,tutor; docs/course.md)") { Example = "roster.csv" };
        public static readonly ConfigKey Teams = new("teams", ConfigType.SectionMap, "with roster:, each team of the roster by name: its projects and Linear workspace; build writes a site per team and the course pages") { Example = TeamSite.Example, ItemSection = TeamSite.Section };
        public static readonly ConfigKey GitLab = new("gitlab", ConfigType.Section, "where merge requests, reviews and commits are read from") { Required = "yes, except for `notify` in GitLab CI", Section = ConfigSchema.GitLab.Section };
        public static readonly ConfigKey Linear = new("linear", ConfigType.Section, "where Linear tickets are read from; without it the report says Linear is not configured") { SampleComment = "remove the # on these lines to report Linear tickets", Required = "for `notify`", Section = ConfigSchema.Linear.Section, SampleCommented = true };
        public static readonly ConfigKey Calendar = new("calendar", ConfigType.Section, "course weeks for --sprint/--week, --current-week and --all-weeks") { Section = ConfigSchema.Calendar.Section };
        public static readonly ConfigKey Review = new("review", ConfigType.Section, "how review comments are graded") { Section = ConfigSchema.Review.Section };
        public static readonly ConfigKey Attention = new("attention", ConfigType.Section, "thresholds of the team's attention list (docs/rules.md)") { SampleComment = "remove the # on these lines to tune a team's attention list", Section = ConfigSchema.Attention.Section, SampleCommented = true };
        public static readonly ConfigKey Notes = new("notes", ConfigType.Folder, "folder of narrative files, e.g. notes/sprint-1-week-1.md") { Default = DefaultNotes, Sample = DefaultNotes };
        public static readonly ConfigKey Templates = new("templates", ConfigType.Folder, "folder of template overrides (see 'evidence templates export DIR')") { Sample = "templates", SampleCommented = true, Example = "templates" };
        public static readonly ConfigKey Output = new("output", ConfigType.Folder, "folder the reports are written to; --out overrides it") { Default = DefaultOutput, Sample = DefaultOutput };
        public static readonly ConfigKey Site = new("site", ConfigType.Section, "how the site is written: absolute feed links, or Hugo pages instead of HTML") { SampleComment = "remove the # on these lines to publish with absolute feed links or as Hugo pages", Section = ConfigSchema.Site.Section, SampleCommented = true };
        public static readonly ConfigKey Notify = new("notify", ConfigType.Section, "the ticket note 'evidence notify' keeps on a merge request") { SampleComment = "remove the # on these lines to use 'evidence notify' in merge request pipelines", Required = "for `notify`", Section = ConfigSchema.Notify.Section, SampleCommented = true };
        public static readonly ConfigSection Section = new("", [Course, Student, Students, Roster, Teams, GitLab, Linear, Calendar, Review, Attention, Notes, Templates, Output, Site, Notify]);
    }

    /// <summary>Every section by its path ("" for the top level), for suggesting where a misplaced key belongs.</summary>
    public static IReadOnlyList<ConfigSection> Sections { get; } = [.. Descendants(Root.Section).Prepend(Root.Section).DistinctBy(s => s.Keys)];

    /// <summary>The commented <c>evidence.yml</c> that <c>evidence init</c> writes: every sample key with its comment.</summary>
    public static string Sample(string quotedUsername, DateOnly firstSprintStart)
    {
        // The first line lets editors (yaml-language-server) complete and check the keys from the schema init writes beside it.
        var yaml = new StringBuilder($"# yaml-language-server: $schema=./{ConfigReference.SchemaFileName}\n")
            .Append("# evidence.yml: what 'evidence build' reports on. Secrets never go here, only names of environment variables.\n");
        Write(yaml, Root.Section, 0, commented: false);
        return yaml.ToString()
            .Replace("{username}", quotedUsername, StringComparison.Ordinal)
            .Replace("{start}", firstSprintStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static void Write(StringBuilder yaml, ConfigSection section, int depth, bool commented)
    {
        foreach (var key in section.Keys.Where(k => k.Sample is not null || k.Section is not null))
        {
            var indent = new string(' ', 2 * depth);

            // A commented section is commented at the start of each line; a single key, after its indentation.
            var blockCommented = commented || (key.Section is not null && key.SampleCommented);
            var line = blockCommented ? $"# {indent}{key.Name}:" : $"{indent}{(key.SampleCommented ? "# " : "")}{key.Name}:";
            AppendLine(yaml, string.IsNullOrEmpty(key.Sample) ? line : $"{line} {key.Sample}", key.SampleComment ?? key.Comment);
            if (key.SampleItem is var (item, itemComment))
            {
                AppendLine(yaml, $"{(blockCommented ? "# " : "")}{indent}  {item}", itemComment);
            }

            if (key.Section is not null)
            {
                Write(yaml, key.Section, depth + 1, blockCommented);
            }
        }
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder yaml, string line, string comment) =>
        yaml.Append(line).Append(' ', Math.Max(2, CommentColumn - line.Length)).Append("# ").Append(comment).Append('\n');

    private static IEnumerable<ConfigSection> Descendants(ConfigSection section) =>
        section.Keys.SelectMany(k => new[] { k.Section, k.ItemSection }).OfType<ConfigSection>().SelectMany(s => Descendants(s).Prepend(s));
}
