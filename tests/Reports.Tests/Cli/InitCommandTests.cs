using Microsoft.Extensions.Time.Testing;
using Reports.Config;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary><c>init</c> starts a student well, and <c>notes</c> writes any week's notes file; neither overwrites.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Init_without_a_username_asks_for_it_and_never_takes_the_machines_login()
    {
        var result = await EvidenceCli.RunAsync(new Dictionary<string, string> { ["GITLAB_USER_LOGIN"] = "root" }, "init", "--dir", _work.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: init needs your GitLab username: evidence init --username YOUR_GITLAB_USERNAME (as on your GitLab profile page, without the @)\n", result.Error.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(_work.Combine("evidence.yml")));
    }

    [Fact]
    public async Task Inside_a_gitlab_ci_job_init_takes_the_jobs_user()
    {
        var result = await EvidenceCli.RunAsync(
            new Dictionary<string, string> { ["GITLAB_CI"] = "true", ["GITLAB_USER_LOGIN"] = "abhipraya" }, "init", "--dir", _work.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("abhipraya", ConfigLoader.Load(_work.Combine("evidence.yml")).Student.Username);
    }

    [Fact]
    public async Task On_a_utc_machine_late_on_sunday_the_notes_file_is_the_course_weeks_and_the_next_steps_build_it()
    {
        // Sunday 18:00 UTC is Monday 01:00 in Jakarta: the course's week has begun.
        var sunday = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        sunday.SetLocalTimeZone(TimeZoneInfo.Utc);

        var result = await EvidenceCli.RunAsync(sunday, "init", "--dir", _work.Path, "--username", "abhipraya");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new DateOnly(2026, 11, 30), ConfigLoader.Load(_work.Combine("evidence.yml")).Calendar.Sprints[0].Start);
        Assert.Contains($"{_work.Combine("notes", "sprint-1-week-1.md")} written", result.Output, StringComparison.Ordinal);
        Assert.Contains("evidence check --config ", result.Output, StringComparison.Ordinal);
        Assert.Contains("--sprint 1 --week 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("gitlab.url, gitlab.projects, student.emails", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_writes_any_weeks_file_and_never_overwrites()
    {
        await EvidenceCli.RunAsync("init", "--dir", _work.Path, "--username", "abhipraya");
        var config = _work.Combine("evidence.yml");

        var first = await EvidenceCli.RunAsync("notes", "--config", config, "--sprint", "1", "--week", "2");
        File.WriteAllText(_work.Combine("notes", "sprint-1-week-2.md"), "mine");
        var second = await EvidenceCli.RunAsync("notes", "--config", config, "--sprint", "1", "--week", "2");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("sprint-1-week-2.md written", first.Output, StringComparison.Ordinal);
        Assert.Contains("sprint-1-week-2.md exists; left unchanged", second.Output, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(_work.Combine("notes", "sprint-1-week-2.md")));
    }

    [Fact]
    public async Task Notes_for_a_team_writes_each_students_file_or_the_one_named()
    {
        _work.Write("evidence.yml", """
            students:
              - { username: abhipraya }
              - { username: froklax }
            gitlab: { url: https://gitlab.example.ac.id, projects: [ppl/sira] }
            calendar:
              sprints:
                - { name: Sprint 2, start: 2025-03-24, weeks: 2 }
            """);

        var one = await EvidenceCli.RunAsync("notes", "--config", _work.Combine("evidence.yml"), "--sprint", "2", "--week", "1", "--student", "froklax");
        var all = await EvidenceCli.RunAsync("notes", "--config", _work.Combine("evidence.yml"), "--sprint", "2", "--week", "2");

        Assert.Equal((0, 0), (one.ExitCode, all.ExitCode));
        Assert.True(File.Exists(_work.Combine("notes", "froklax", "sprint-2-week-1.md")));
        Assert.False(File.Exists(_work.Combine("notes", "abhipraya", "sprint-2-week-1.md")));
        Assert.True(File.Exists(_work.Combine("notes", "abhipraya", "sprint-2-week-2.md")));
        Assert.True(File.Exists(_work.Combine("notes", "froklax", "sprint-2-week-2.md")));
    }
}
