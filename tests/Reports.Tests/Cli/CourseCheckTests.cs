using Microsoft.Extensions.Time.Testing;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary><c>evidence check</c> on a course: one team as its CI matrix job checks it, or every team.</summary>
public sealed class CourseCheckTests(CourseScenario course) : IClassFixture<CourseScenario>
{
    [Fact]
    public async Task Team_option_checks_that_teams_projects_and_token_only()
    {
        course.Fake.ResetLog();

        var result = await EvidenceCli.RunAsync(new FakeTimeProvider(CourseScenario.AfterBothWeeks), "check", "--config", course.Config, "--team", "kopi", "--sprint", "2", "--week", "1");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("✓ gitlab.projects: ppl/kopi is readable", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ppl/sira", result.Output, StringComparison.Ordinal);
        Assert.Contains("as @dimas", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_team_every_team_is_checked_under_its_name()
    {
        var result = await EvidenceCli.RunAsync(new FakeTimeProvider(CourseScenario.AfterBothWeeks), "check", "--config", course.Config, "--sprint", "2", "--week", "1");

        Assert.Equal(["team sira:", "team kopi:", "team lumbung:"], result.Output.Split('\n').Where(l => l.StartsWith("team ", StringComparison.Ordinal)));
        Assert.Contains("✓ gitlab.projects: ppl/lumbung is readable", result.Output, StringComparison.Ordinal);
    }
}
