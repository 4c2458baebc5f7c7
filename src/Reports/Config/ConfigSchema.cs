using System.Text;

namespace Reports.Config;

/// <summary>
/// Every key of <c>evidence.yml</c>, declared once. The mapper reads the allowed keys and the
/// examples in its messages from here, the typo suggestions search it, and <c>evidence init</c>
/// writes its commented sample from it.
/// </summary>
internal static class ConfigSchema
{
    private const int CommentColumn = 41;

    public static class Student
    {
        public static readonly ConfigKey Username = new("username", "your GitLab username (required)") { Sample = "{username}" };
        public static readonly ConfigKey Name = new("name", "display name in the report") { Sample = "{username}" };
        public static readonly ConfigKey Emails = new("emails", "your commit author emails (git config user.email), e.g. [you@example.com]") { Sample = "[]", Example = "[you@example.com]" };
        public static readonly ConfigKey LinearEmail = new("linear_email", "your Linear account email, if Linear is used") { Sample = "you@example.com", SampleCommented = true };
        public static readonly ConfigSection Section = new("student", [Username, Name, Emails, LinearEmail]);
    }

    public static class Team
    {
        /// <summary>One entry of <c>students:</c>: the keys of <c>student:</c>.</summary>
        public static readonly ConfigSection Item = new("students[i]", Student.Section.Keys);
        public const string Example = "[{ username: abhipraya }, { username: froklax }]";
    }

    public static class GitLab
    {
        public static readonly ConfigKey Url = new("url", "GitLab instance base URL; the API is at {url}/api/v4 (required)") { Sample = "https://gitlab.example.com", Example = "https://gitlab.example.com" };
        public static readonly ConfigKey Projects = new("projects", "full project paths or numeric ids, e.g. [ppl/sira-backend, 42] (required)") { Sample = "[group/project]", Example = "[group/project, 42]" };
        public static readonly ConfigKey TokenEnv = new("token_env", "name of the environment variable that holds your GitLab token") { Sample = GitLabConfig.DefaultTokenEnv };
        public static readonly ConfigKey Bots = new("bots", "accounts whose notes are automation, not review, e.g. [sirabot]") { Sample = "[]", Example = "[sirabot]" };
        public static readonly ConfigKey Concurrency = new("concurrency", "per-merge-request requests in flight at once (1 to 32)") { Sample = "8" };
        public static readonly ConfigKey TimeoutSeconds = new("timeout_seconds", "a server that stops answering fails the run within this many seconds") { Sample = "60" };
        public static readonly ConfigSection Section = new("gitlab", [Url, Projects, TokenEnv, Bots, Concurrency, TimeoutSeconds]);
    }

    public static class Linear
    {
        public static readonly ConfigKey Url = new("url", "Linear GraphQL endpoint") { Sample = "https://api.linear.app/graphql", Example = "https://api.linear.app/graphql" };
        public static readonly ConfigKey ApiKeyEnv = new("api_key_env", "name of the environment variable that holds your Linear API key") { Sample = "LINEAR_API_KEY" };
        public static readonly ConfigKey Teams = new("teams", "team keys to read; empty means every team the key can see") { Sample = "[SIRA]", Example = "[SIRA]" };
        public static readonly ConfigKey TimeoutSeconds = new("timeout_seconds", "a server that stops answering fails the run within this many seconds") { Sample = "60" };
        public static readonly ConfigSection Section = new("linear", [Url, ApiKeyEnv, Teams, TimeoutSeconds]);
    }

    public static class Sprint
    {
        public static readonly ConfigKey Name = new("name", "holds the sprint's number: Sprint 2 is --sprint 2");
        public static readonly ConfigKey Start = new("start", "first day, YYYY-MM-DD");
        public static readonly ConfigKey Weeks = new("weeks", "length in weeks");
        public static readonly ConfigSection Section = new("calendar.sprints[i]", [Name, Start, Weeks]);
        public const string Example = "{ name: Sprint 1, start: 2025-03-10, weeks: 2 }";
    }

    public static class Calendar
    {
        public static readonly ConfigKey TimeZone = new("timezone", "IANA time zone; report windows run from local midnight to midnight") { Sample = "Asia/Jakarta" };
        public static readonly ConfigKey Sprints = new("sprints", "--sprint N picks the sprint whose name holds N; week M starts start + 7*(M-1)")
        {
            Sample = "",
            Example = $"[{Sprint.Example}]",
            ItemSection = Sprint.Section,
            SampleItem = ("- { name: Sprint 1, start: {start}, weeks: 2 }", "one line per sprint: first day (YYYY-MM-DD) and length"),
        };

        public static readonly ConfigSection Section = new("calendar", [TimeZone, Sprints]);
    }

    public static class Review
    {
        public static readonly ConfigKey Levels = new("levels", "comment label to P-level (P0..P3), e.g. add critical: P0, important: P1") { Sample = "{ nitpick: P3 }", Example = "{ nitpick: P3, critical: P0 }" };
        public static readonly ConfigSection Section = new("review", [Levels]);
    }

    public static class Site
    {
        public static readonly ConfigKey BaseUrl = new("base_url", "the URL the site is published at, for absolute links in feeds") { Sample = "https://group.gitlab.io/project/", Example = "https://group.gitlab.io/project/" };
        public static readonly ConfigKey Format = new("format", "html (the site) or hugo (page bundles for a Hugo site)") { Sample = "html" };
        public static readonly ConfigKey HugoSection = new("hugo_section", "with format: hugo, pages go to content/{hugo_section}/") { Sample = SiteConfig.DefaultHugoSection };
        public static readonly ConfigSection Section = new("site", [BaseUrl, Format, HugoSection]);
    }

    public static class Notify
    {
        public static readonly ConfigKey TokenEnv = new("token_env", "environment variable with the bot's token (api scope) for 'evidence notify'") { Sample = "SIRABOT_TOKEN" };
        public static readonly ConfigKey SkipWhenEmpty = new("skip_when_empty", "true: post nothing on a merge request that links no ticket") { Sample = "false" };
        public static readonly ConfigSection Section = new("notify", [TokenEnv, SkipWhenEmpty]);
    }

    public static class Root
    {
        public static readonly ConfigKey Course = new("course", "prefix of the report title") { Sample = "PPL" };
        public static readonly ConfigKey Student = new("student", "who the report is about") { Section = ConfigSchema.Student.Section };
        public static readonly ConfigKey Students = new("students", "a team instead of student: one entry per student, with the same keys") { Example = Team.Example, ItemSection = Team.Item };
        public static readonly ConfigKey GitLab = new("gitlab", "where merge requests, reviews and commits are read from") { Section = ConfigSchema.GitLab.Section };
        public static readonly ConfigKey Linear = new("linear", "remove the # on these lines to report Linear tickets") { Section = ConfigSchema.Linear.Section, SampleCommented = true };
        public static readonly ConfigKey Calendar = new("calendar", "course weeks for --sprint/--week, --current-week and --all-weeks") { Section = ConfigSchema.Calendar.Section };
        public static readonly ConfigKey Review = new("review", "how review comments are graded") { Section = ConfigSchema.Review.Section };
        public static readonly ConfigKey Notes = new("notes", "folder of narrative files, e.g. notes/sprint-1-week-1.md") { Sample = "notes" };
        public static readonly ConfigKey Templates = new("templates", "folder of template overrides (see 'evidence templates export DIR')") { Sample = "templates", SampleCommented = true };
        public static readonly ConfigKey Output = new("output", "folder the reports are written to; --out overrides it") { Sample = "output" };
        public static readonly ConfigKey Site = new("site", "remove the # on these lines to publish with absolute feed links or as Hugo pages") { Section = ConfigSchema.Site.Section, SampleCommented = true };
        public static readonly ConfigKey Notify = new("notify", "remove the # on these lines to use 'evidence notify' in merge request pipelines") { Section = ConfigSchema.Notify.Section, SampleCommented = true };
        public static readonly ConfigSection Section = new("", [Course, Student, Students, GitLab, Linear, Calendar, Review, Notes, Templates, Output, Site, Notify]);
    }

    /// <summary>Every section by its path ("" for the top level), for suggesting where a misplaced key belongs.</summary>
    public static IReadOnlyList<ConfigSection> Sections { get; } = [.. Descendants(Root.Section).Prepend(Root.Section).DistinctBy(s => s.Keys)];

    /// <summary>The commented <c>evidence.yml</c> that <c>evidence init</c> writes: every sample key with its comment.</summary>
    public static string Sample(string quotedUsername, DateOnly firstSprintStart)
    {
        var yaml = new StringBuilder("# evidence.yml: what 'evidence build' reports on. Secrets never go here, only names of environment variables.\n");
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
            AppendLine(yaml, string.IsNullOrEmpty(key.Sample) ? line : $"{line} {key.Sample}", key.Comment);
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

    private static void AppendLine(StringBuilder yaml, string line, string comment) =>
        yaml.Append(line).Append(' ', Math.Max(2, CommentColumn - line.Length)).Append("# ").Append(comment).Append('\n');

    private static IEnumerable<ConfigSection> Descendants(ConfigSection section) =>
        section.Keys.SelectMany(k => new[] { k.Section, k.ItemSection }).OfType<ConfigSection>().SelectMany(s => Descendants(s).Prepend(s));
}
