using Reports.Analysis.Reviews;
using Reports.Config;
using Reports.Model;

namespace Reports.Tests.Config;

public sealed class ConfigLoaderTests
{
    private const string Minimal = """
        student:
          username: abhipraya
        gitlab:
          url: https://gitlab.example.com
          projects: [ppl/sira-backend]
        """;

    [Fact]
    public void Minimal_config_gets_the_documented_defaults()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write(Minimal);

        var config = ConfigLoader.Load(path);

        Assert.Equal(path, config.SourcePath);
        Assert.Null(config.Course);
        Assert.Equal("abhipraya", config.Student.Username);
        Assert.Null(config.Student.Name);
        Assert.Empty(config.Student.Emails);
        Assert.Null(config.Student.LinearEmail);
        Assert.Equal(new Uri("https://gitlab.example.com"), config.GitLab.Url);
        Assert.Equal(["ppl/sira-backend"], config.GitLab.Projects);
        Assert.Equal("GITLAB_TOKEN", config.GitLab.TokenEnv);
        Assert.Empty(config.GitLab.Bots);
        Assert.Equal(8, config.GitLab.Concurrency);
        Assert.Null(config.Linear);
        Assert.Equal("Asia/Jakarta", config.Calendar.TimeZone);
        Assert.Empty(config.Calendar.Sprints);
        Assert.Equal(Severity.P3, Assert.Single(config.Review.Levels, l => l.Key == "nitpick").Value);
        Assert.Single(config.Review.Levels);
        Assert.Equal(Path.Combine(folder.Root, "notes"), config.NotesDirectory);
        Assert.Null(config.TemplatesDirectory);
        Assert.Equal(Path.Combine(folder.Root, "output"), config.OutputDirectory);
        Assert.Equal(Path.Combine(folder.Root, ".evidence-cache"), config.CacheDirectory);
    }

    [Fact]
    public void Design_example_loads_with_every_value()
    {
        using var folder = new ConfigFolder();
        Directory.CreateDirectory(Path.Combine(folder.Root, "templates"));
        var path = folder.Write("""
            course: PPL                         # prefix of the report title
            student:
              username: abhipraya               # GitLab username (required)
              name: Abhipraya                   # display name
              emails: [abhipraya@example.com]   # commit author emails that are this student
              linear_email: abhipraya@example.com
            gitlab:
              url: https://gitlab.example.com   # instance base URL; the API is at {url}/api/v4
              projects: [ppl/sira-backend, 42]  # full paths or numeric ids
              token_env: GITLAB_TOKEN           # name of the env var holding the token
              bots: [sirabot]                   # accounts whose notes are automation, not review
            linear:                             # optional
              url: https://api.linear.app/graphql
              api_key_env: LINEAR_API_KEY
              teams: [SIRA]
            calendar:
              timezone: Asia/Jakarta            # IANA zone; windows are local midnight to midnight
              sprints:
                - { name: Sprint 2, start: 2025-03-24, weeks: 2 }
            review:
              levels: { nitpick: P3 }           # comment label → P-level; e.g. add critical: P0, important: P1
            notes: notes                        # narrative files, e.g. notes/sprint-2-week-1.md
            templates: templates                # optional folder of template overrides
            output: output
            """);

        var config = ConfigLoader.Load(path);

        Assert.Equal("PPL", config.Course);
        Assert.Equal(new StudentConfig
        {
            Username = "abhipraya",
            Name = "Abhipraya",
            Emails = config.Student.Emails,
            LinearEmail = "abhipraya@example.com",
            UsernameSource = ($"{path}:3", "student.username"),
        }, config.Student);
        Assert.Equal(["abhipraya@example.com"], config.Student.Emails);
        Assert.Equal(["ppl/sira-backend", "42"], config.GitLab.Projects);
        Assert.Equal(["sirabot"], config.GitLab.Bots);
        Assert.NotNull(config.Linear);
        Assert.Equal(new Uri("https://api.linear.app/graphql"), config.Linear.Url);
        Assert.Equal("LINEAR_API_KEY", config.Linear.ApiKeyEnv);
        Assert.Equal(["SIRA"], config.Linear.Teams);
        Assert.Equal([new SprintConfig("Sprint 2", new DateOnly(2025, 3, 24), 2)], config.Calendar.Sprints);
        Assert.Equal(Path.Combine(folder.Root, "templates"), config.TemplatesDirectory);
    }

    [Fact]
    public void Relative_paths_resolve_against_the_config_folder_not_the_working_directory()
    {
        using var folder = new ConfigFolder();
        Directory.CreateDirectory(Path.Combine(folder.Root, "course", "my-templates"));
        var absoluteOutput = Path.Combine(folder.Root, "elsewhere", "site");
        var path = folder.Write(Minimal + $"""

            notes: ../shared/notes
            templates: my-templates
            output: {absoluteOutput}
            """, "course/evidence.yml");

        var config = ConfigLoader.Load(path);

        Assert.Equal(Path.Combine(folder.Root, "shared", "notes"), config.NotesDirectory);
        Assert.Equal(Path.Combine(folder.Root, "course", "my-templates"), config.TemplatesDirectory);
        Assert.Equal(absoluteOutput, config.OutputDirectory);
        Assert.Equal(Path.Combine(folder.Root, "course", ".evidence-cache"), config.CacheDirectory);
        Assert.Equal(Path.Combine(folder.Root, "course", "evidence.yml"), config.SourcePath);
    }

    [Fact]
    public void Config_path_relative_to_the_working_directory_resolves_to_a_full_source_path()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write(Minimal);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

        var config = ConfigLoader.Load(relative);

        Assert.Equal(path, config.SourcePath);
        Assert.Equal(Path.Combine(folder.Root, "output"), config.OutputDirectory);
    }

    [Theory]
    [InlineData("  emails: [a@example.com, B.Person@Example.org]\n")]
    [InlineData("  emails:\n    - a@example.com\n    - 'B.Person@Example.org'\n")]
    public void Emails_are_read_as_a_list_in_flow_or_block_style(string emailsYaml)
    {
        var yaml = "student:\n  username: abhipraya\n" + emailsYaml + "gitlab:\n  url: https://gitlab.example.com\n  projects: [a/b]\n";

        var config = Parse(yaml);

        Assert.Equal(["a@example.com", "B.Person@Example.org"], config.Student.Emails);
    }

    [Fact]
    public void Review_levels_merge_over_the_default_and_ignore_case()
    {
        var config = Parse(Minimal + "\nreview:\n  levels:\n    critical: P0\n    Important: p1\n");

        Assert.Equal(3, config.Review.Levels.Count);
        Assert.Equal(Severity.P0, config.Review.Levels["CRITICAL"]);
        Assert.Equal(Severity.P1, config.Review.Levels["important"]);
        Assert.Equal(Severity.P3, config.Review.Levels["Nitpick"]);
    }

    [Fact]
    public void Review_level_for_nitpick_overrides_the_default()
    {
        var config = Parse(Minimal + "\nreview:\n  levels: { NitPick: P2 }\n");

        Assert.Equal(Severity.P2, Assert.Single(config.Review.Levels).Value);
        Assert.Equal(Severity.P2, config.Review.Levels["nitpick"]);
    }

    [Fact]
    public void Numeric_and_quoted_projects_are_kept_as_written()
    {
        var config = Parse("student:\n  username: abhipraya\ngitlab:\n  url: http://gitlab.local:8080/\n  projects:\n    - 42\n    - \"ppl/sira-backend\"\n    - ppl/a/b\n");

        Assert.Equal(["42", "ppl/sira-backend", "ppl/a/b"], config.GitLab.Projects);
        Assert.Equal(new Uri("http://gitlab.local:8080/"), config.GitLab.Url);
    }

    [Fact]
    public void Optional_settings_are_read()
    {
        var config = Parse(Minimal.Replace("username: abhipraya", "username: abhipraya\n  linear_email: abhipraya@example.com", StringComparison.Ordinal)
            + "\n  token_env: CI_JOB_TOKEN\n  bots: [sirabot, renovate]\n  concurrency: 32\nlinear: {}\ncalendar:\n  timezone: Europe/Berlin\n");

        Assert.Equal("CI_JOB_TOKEN", config.GitLab.TokenEnv);
        Assert.Equal(["sirabot", "renovate"], config.GitLab.Bots);
        Assert.Equal(32, config.GitLab.Concurrency);
        Assert.NotNull(config.Linear);
        Assert.Equal(new Uri("https://api.linear.app/graphql"), config.Linear.Url);
        Assert.Equal("LINEAR_API_KEY", config.Linear.ApiKeyEnv);
        Assert.Empty(config.Linear.Teams);
        Assert.Equal("Europe/Berlin", config.Calendar.TimeZone);
    }

    [Fact]
    public void Keys_left_empty_take_their_defaults()
    {
        var config = Parse("course:\nstudent:\n  username: abhipraya\n  emails:\ngitlab:\n  url: https://gitlab.example.com\n  projects: [a/b]\n  token_env: ~\nlinear:\nnotes:\n");

        Assert.Null(config.Course);
        Assert.Empty(config.Student.Emails);
        Assert.Equal("GITLAB_TOKEN", config.GitLab.TokenEnv);
        Assert.Null(config.Linear);
        Assert.EndsWith("notes", config.NotesDirectory);
    }

    [Fact]
    public void Sprints_without_numbers_in_their_names_are_numbered_by_position()
    {
        var config = Parse(Minimal + "\ncalendar:\n  sprints:\n    - { name: Kickoff, start: 2025-03-03, weeks: 1 }\n    - { name: Build, start: 2025-03-10, weeks: 3 }\n");

        Assert.Equal(["Kickoff", "Build"], config.Calendar.Sprints.Select(s => s.Name));
        Assert.Equal(3, config.Calendar.Sprints[1].Weeks);
    }

    private static EvidenceConfig Parse(string yaml) =>
        ConfigLoader.Parse(yaml, "evidence.yml", Path.Combine(Path.GetTempPath(), "evidence.yml"));
}
