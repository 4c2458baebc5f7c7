using Reports.Cli;
using Reports.Cli.Commands;
using Reports.Config;

namespace Reports.Tests.Config;

public sealed class ConfigLoaderErrorTests
{
    private const string Student = "student:\n  username: abhipraya\n";
    private const string GitLab = "gitlab:\n  url: https://gitlab.example.com\n  projects: [ppl/sira-backend]\n";
    private const string Minimal = Student + GitLab;

    public static TheoryData<string, string> ErrorCases => new()
    {
        // Unknown keys, at every depth, with the closest known key or the list of known ones.
        { Minimal + "calender:\n  timezone: Asia/Jakarta\n", "evidence.yml:6: unknown key 'calender' (did you mean 'calendar'?)" },
        { "student:\n  usrname: abhipraya\n" + GitLab, "evidence.yml:2: unknown key 'student.usrname' (did you mean 'username'?)" },
        { Student + "gitlab:\n  url: https://gitlab.example.com\n  projects: [a/b]\n  token: glpat-123\n",
            "evidence.yml:6: unknown key 'gitlab.token' (did you mean 'token_env'? secrets are read from the environment variable named by token_env)" },
        { Minimal + "linear:\n  api_key: lin_api_123\n",
            "evidence.yml:7: unknown key 'linear.api_key' (did you mean 'api_key_env'? secrets are read from the environment variable named by api_key_env)" },
        { Minimal + "calendar:\n  sprints:\n    - name: Sprint 1\n      start: 2025-03-10\n      length: 2\n",
            "evidence.yml:10: unknown key 'calendar.sprints[0].length'; known keys under calendar.sprints[0]: name, start, weeks" },
        { Minimal + "colour: blue\n", "evidence.yml:6: unknown key 'colour'; known top-level keys: course, student, students, roster, teams, gitlab, linear, calendar, review, attention, notes, templates, output, site, notify" },
        { Minimal + "Course: PPL\n", "evidence.yml:6: unknown key 'Course' (did you mean 'course'?)" },
        { Student + "gitlab:\nurl: https://gitlab.example.com\n", "evidence.yml:4: unknown key 'url' (did you mean 'gitlab.url' or 'linear.url'? check its indentation)" },
        { "username: abhipraya\n" + GitLab, "evidence.yml:1: unknown key 'username' (did you mean 'student.username'? check its indentation)" },
        { Minimal + "  notes: notes\n", "evidence.yml:6: unknown key 'gitlab.notes' (did you mean 'notes'? check its indentation)" },
        { Minimal + "calendar:\n  weeks: 2\n", "evidence.yml:7: unknown key 'calendar.weeks' (did you mean 'calendar.sprints[i].weeks'? check its indentation)" },

        // Missing required keys: reported on the line of the mapping that should hold them.
        { "course: PPL\nstudent:\n  name: Abhipraya\n" + GitLab, "evidence.yml:2: missing required key 'student.username'" },
        { "course: PPL\n" + GitLab, "evidence.yml:1: missing required key 'student.username'" },
        { Student, "evidence.yml:1: missing required key 'gitlab.url'" },
        { Student + "gitlab:\n  projects: [a/b]\n", "evidence.yml:3: missing required key 'gitlab.url'" },
        { Student + "gitlab:\n  url: https://gitlab.example.com\n", "evidence.yml:3: missing required key 'gitlab.projects'" },
        { Student + "gitlab:\n  url: https://gitlab.example.com\n  projects: []\n",
            "evidence.yml:5: gitlab.projects is empty; list at least one project path or id, e.g. [group/project, 42]" },
        { "student:\n  username:\n" + GitLab, "evidence.yml:1: missing required key 'student.username'" },
        { "course: PPL\nstudent:\n" + GitLab, "evidence.yml:2: missing required key 'student.username'" },

        // Bad values.
        { Student + "gitlab:\n  url: gitlab.example.com\n  projects: [a/b]\n",
            "evidence.yml:4: gitlab.url: 'gitlab.example.com' is not an absolute http(s) URL (write it like https://gitlab.example.com)" },
        { Student + "gitlab:\n  url: ftp://gitlab.example.com\n  projects: [a/b]\n",
            "evidence.yml:4: gitlab.url: 'ftp://gitlab.example.com' is not an absolute http(s) URL (write it like https://gitlab.example.com)" },
        { Student + "gitlab:\n  url: https://gitlab.example.com/api/v4\n  projects: [a/b]\n",
            "evidence.yml:4: gitlab.url: write the instance base URL without /api/v4 (e.g. https://gitlab.example.com)" },
        { Student + "gitlab:\n  url: https://gitlab.example.com\n  projects:\n    - ppl/sira-backend\n    - sira-frontend\n",
            "evidence.yml:7: gitlab.projects[1]: 'sira-frontend' is not a numeric project id or a full path like group/project" },
        { Minimal + "  concurrency: 0\n", "evidence.yml:6: gitlab.concurrency: '0' is not a whole number from 1 to 32" },
        { Minimal + "  concurrency: 33\n", "evidence.yml:6: gitlab.concurrency: '33' is not a whole number from 1 to 32" },
        { Minimal + "calendar:\n  timezone: Asia/Jakartaa\n",
            "evidence.yml:7: calendar.timezone: 'Asia/Jakartaa' is not a known IANA time zone (did you mean 'Asia/Jakarta'?)" },
        { Minimal + "calendar:\n  timezone: Asia/\n", "evidence.yml:7: calendar.timezone: 'Asia/' is not a known IANA time zone (use an IANA id such as Asia/Jakarta or Europe/Berlin)" },
        { Minimal + "calendar:\n  sprints:\n    - { name: Sprint 1, start: 2025-03-10, weeks: 2 }\n    - { name: Sprint 2, start: 2025-13-01, weeks: 2 }\n",
            "evidence.yml:9: calendar.sprints[1].start: '2025-13-01' is not a date (use YYYY-MM-DD)" },
        { Minimal + "calendar:\n  sprints:\n    - { name: Sprint 1, start: 10/03/2025, weeks: 2 }\n",
            "evidence.yml:8: calendar.sprints[0].start: '10/03/2025' is not a date (use YYYY-MM-DD)" },
        { Minimal + "calendar:\n  sprints:\n    - { name: Sprint 1, start: 2025-03-10, weeks: 0 }\n",
            "evidence.yml:8: calendar.sprints[0].weeks: '0' is not a number of weeks (use a whole number from 1 to 52)" },
        { Minimal + "calendar:\n  sprints:\n    - name: Sprint 1\n      start: 2025-03-10\n      weeks: two\n",
            "evidence.yml:10: calendar.sprints[0].weeks: 'two' is not a number of weeks (use a whole number from 1 to 52)" },
        { Minimal + "calendar:\n  sprints:\n    - name: Sprint 1\n      start: 2025-03-10\n",
            "evidence.yml:8: missing required key 'calendar.sprints[0].weeks'" },
        { Minimal + "calendar:\n  sprints:\n    - { name: Sprint 2, start: 2025-03-10, weeks: 1 }\n    - { name: Sprint 2b, start: 2025-03-24, weeks: 1 }\n",
            "evidence.yml:9: calendar.sprints[1]: 'Sprint 2b' has the same sprint number 2 as 'Sprint 2' (line 8); put a distinct number in each sprint name" },
        { Minimal + "calendar:\n  sprints:\n    - { name: Sprint 1, start: 2025-03-10, weeks: 2 }\n    - { name: Sprint 2, start: 2025-03-17, weeks: 2 }\n",
            "evidence.yml:9: calendar.sprints[1]: 'Sprint 2' starts 2025-03-17, before 'Sprint 1' ends 2025-03-23; sprints must not overlap" },
        { Minimal + "review:\n  levels:\n    critical: P5\n", "evidence.yml:8: review.levels.critical: 'P5' is not a P-level (use P0, P1, P2 or P3)" },
        { Minimal + "review:\n  levels: { nitpick: high }\n", "evidence.yml:7: review.levels.nitpick: 'high' is not a P-level (use P0, P1, P2 or P3)" },
        { Minimal + "review:\n  levels: { issue (blocking): P1 }\n",
            "evidence.yml:7: review.levels: 'issue (blocking)' is not a comment label; write the bare word, e.g. issue or suggestion" },
        { Minimal + "review:\n  levels:\n    issue: P1\n    Issue: P2\n",
            "evidence.yml:9: review.levels: label 'Issue' is given twice (also line 8); labels are compared ignoring case" },
        { "student:\n  username: abhipraya\n  emails: [abhipraya@example.com, abhipraya]\n" + GitLab,
            "evidence.yml:3: student.emails[1]: 'abhipraya' is not an email address" },

        // Linear needs every student's account.
        { Minimal + "linear:\n  teams: [SIRA]\n",
            "evidence.yml:1: missing required key 'student.linear_email' (linear: is set, so each student needs the email of their Linear account; or remove linear:)" },
        { "students:\n  - { username: abhipraya, linear_email: abhipraya@example.com }\n  - username: froklax\n" + GitLab + "linear: {}\n",
            "evidence.yml:3: missing required key 'students[1].linear_email' (linear: is set, so each student needs the email of their Linear account; or remove linear:)" },
        { "student:\n  username: abhipraya\n  linear_email: abhipraya\n" + GitLab + "linear: {}\n",
            "evidence.yml:3: student.linear_email: 'abhipraya' is not an email address" },

        // Wrong shapes.
        { Student + "gitlab:\n  url: https://gitlab.example.com\n  projects:\n    backend: ppl/sira-backend\n",
            "evidence.yml:6: gitlab.projects: expected a list like [group/project, 42], found a mapping" },
        { Student + "gitlab:\n  url: https://gitlab.example.com\n  projects: ppl/sira-backend\n",
            "evidence.yml:5: gitlab.projects: expected a list like [group/project, 42], found the value 'ppl/sira-backend'" },
        { "student: [abhipraya]\n" + GitLab, "evidence.yml:1: student: expected a mapping of keys (username, name, emails, linear_email), found a list" },
        { Minimal + "calendar:\n  sprints:\n    - Sprint 1\n",
            "evidence.yml:8: calendar.sprints[0]: expected a mapping like { name: Sprint 1, start: 2025-03-10, weeks: 2 }, found the value 'Sprint 1'" },
        { Minimal + "review:\n  levels: [nitpick]\n",
            "evidence.yml:7: review.levels: expected a mapping of label to P-level like { nitpick: P3, critical: P0 }, found a list" },
        { "student:\n  username: [a, b]\n" + GitLab, "evidence.yml:2: student.username: expected a single value, found a list" },
        { "- student\n- gitlab\n", "evidence.yml:1: at the top level expected a mapping of keys (course, student, students, roster, teams, gitlab, linear, calendar, review, attention, notes, templates, output, site, notify), found a list" },

        { Student + "gitlab:\n  url: https://oauth2:glpat-Sup3rSecret@gitlab.example.com\n  projects: [a/b]\n",
            "evidence.yml:4: gitlab.url: credentials in the URL are not allowed ('https://gitlab.example.com'); remove them and put the secret in the environment variable named by gitlab.token_env" },
        { Minimal + "linear:\n  url: https://lin_api_Sup3rSecret@api.linear.app/graphql\n",
            "evidence.yml:7: linear.url: credentials in the URL are not allowed ('https://api.linear.app/graphql'); remove them and put the secret in the environment variable named by linear.api_key_env" },
        { Minimal + "  timeout_seconds: 2\n", "evidence.yml:6: gitlab.timeout_seconds: '2' is not a number of seconds from 5 to 3600" },
        { Minimal + "calendar:\n  sprints:\n    - { name: Sprint 1, start: 9999-12-30, weeks: 2 }\n",
            "evidence.yml:8: calendar.sprints[0].start: 9999-12-30 is outside the dates evidence supports (1900-01-01 to 9998-12-31)" },
        { Minimal + "calendar:\n  sprints:\n    - { name: Sprint 1, start: 9998-12-20, weeks: 3 }\n",
            "evidence.yml:8: calendar.sprints[0]: 'Sprint 1' would end after 9998-12-31, the last date evidence supports" },
        { Minimal + "calendar:\n  sprints:\n    - { name: Sprint 1, start: 0001-01-01, weeks: 1 }\n",
            "evidence.yml:8: calendar.sprints[0].start: 0001-01-01 is outside the dates evidence supports (1900-01-01 to 9998-12-31)" },

        // Whole-file problems.
        { "", "evidence.yml:1: the file is empty; it needs at least student.username, gitlab.url and gitlab.projects (see 'evidence init')" },
        { "# only a comment\n", "evidence.yml:1: the file is empty; it needs at least student.username, gitlab.url and gitlab.projects (see 'evidence init')" },
        { Minimal + "---\ncourse: PPL\n", "evidence.yml:7: only one YAML document is allowed; remove the second '---' and what follows" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Config_error_names_the_file_line_and_key(string yaml, string expected)
    {
        var e = Assert.Throws<EvidenceException>(() => Parse(yaml));

        Assert.Equal(expected, e.Message);
        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(e));
    }

    [Fact]
    public void No_message_of_the_error_table_holds_a_secret_written_in_the_file()
    {
        foreach (var row in ErrorCases)
        {
            var e = Assert.Throws<EvidenceException>(() => Parse((string)row[0]));

            Assert.DoesNotContain("Sup3r", e.Message);
            Assert.DoesNotContain("glpat-", e.Message);
            Assert.DoesNotContain("lin_api_", e.Message);
        }
    }

    [Theory]
    [InlineData("student:\n  username: abhipraya\n name: x\n", "evidence.yml:3:")]
    [InlineData("student:\n  username: [abhipraya\n", "evidence.yml:3:")]
    [InlineData("student:\n\tusername: abhipraya\n", "evidence.yml:2:1: YAML syntax error: While scanning a mapping, found invalid tab as indentation (indent with spaces, not tabs)")]
    [InlineData("course: 'PPL\n", "evidence.yml:")]
    [InlineData("student:\n  username: a\n  emails: [s\n  name: x\n", "evidence.yml:3:")]
    public void Yaml_syntax_error_names_line_and_column(string yaml, string expectedStart)
    {
        var e = Assert.Throws<EvidenceException>(() => Parse(yaml));

        Assert.Matches(@"^evidence\.yml:\d+:\d+: YAML syntax error: ", e.Message);
        Assert.StartsWith(expectedStart, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Duplicate_key_names_its_line()
    {
        var e = Assert.Throws<EvidenceException>(() => Parse(Minimal + "student:\n  username: other\n"));

        Assert.Equal("evidence.yml:6:1: duplicate key 'student'; a key may appear only once in a mapping, so keep one", e.Message);
    }

    [Theory]
    [InlineData("gitlab", "token_env")]
    [InlineData("linear", "api_key_env")]
    public void Env_key_holding_a_secret_is_rejected_without_echoing_it(string section, string key)
    {
        var yaml = section == "gitlab"
            ? Student + $"gitlab:\n  url: https://gitlab.example.com\n  projects: [a/b]\n  {key}: glpat-Sup3rSecret\n"
            : Minimal + $"linear:\n  {key}: lin_api_Sup3r-Secret\n";

        var e = Assert.Throws<EvidenceException>(() => Parse(yaml));

        Assert.Contains($"{section}.{key}: expected the name of an environment variable", e.Message);
        Assert.DoesNotContain("Sup3r", e.Message);
    }

    [Fact]
    public void Templates_folder_that_does_not_exist_is_an_error_on_its_line()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write(Minimal + "templates: my-templates\n");

        var e = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"{path}:6: templates: folder '{Path.Combine(folder.Root, "my-templates")}' does not exist", e.Message);
    }

    [Fact]
    public void Missing_config_file_says_how_to_create_one()
    {
        using var folder = new ConfigFolder();
        var path = Path.Combine(folder.Root, "evidence.yml");

        var e = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.Equal($"config file '{path}' not found; create one with 'evidence init' or pass --config", e.Message);
        Assert.Equal(ExitCode.InvalidInput, CommandRunner.ExitCodeOf(e));
    }

    [Fact]
    public void Error_from_a_loaded_file_starts_with_the_path_as_given_and_the_line()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write(Student + "gitlab:\n  url: https://gitlab.example.com\n  projects: [a/b]\n  token: x\n", "sub/evidence.yml");

        var e = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"{path}:6: unknown key 'gitlab.token'", e.Message);
    }

    private static EvidenceConfig Parse(string yaml) =>
        ConfigLoader.Parse(yaml, "evidence.yml", Path.Combine(Path.GetTempPath(), "evidence.yml"));
}
