using Microsoft.Extensions.Time.Testing;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>The <see cref="CourseScenario"/> built once with <c>build --all-weeks</c> after both weeks ended, for the tests that read what it wrote.</summary>
public sealed class BuiltCourse : IAsyncLifetime
{
    private readonly TempDirectory _output = new();

    public CourseScenario Course { get; } = new();

    public string Output => _output.Path;

    public string Combine(params string[] parts) => _output.Combine(parts);

    public async Task InitializeAsync()
    {
        await Course.InitializeAsync();
        var result = await EvidenceCli.RunAsync(new FakeTimeProvider(CourseScenario.AfterBothWeeks), "build", "--config", Course.Config, "--all-weeks", "--no-cache", "--out", _output.Path);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    public async Task DisposeAsync()
    {
        _output.Dispose();
        await Course.DisposeAsync();
    }
}
