using Reports.Tests.Support;

namespace Reports.Tests.Site;

/// <summary>
/// A course's Pages folder as the course recipe of docs/publishing.md builds it: the demo team built into
/// three team folders (one plainly named, two named with markup and a <c>javascript:</c> URL, as an
/// untrusted CI matrix value could be), a folder that is no team site, and the course index.
/// </summary>
public sealed class CourseSite : IAsyncLifetime
{
    public static readonly string[] TeamNames = ["team-a", "<img src=x onerror=alert(1)>", "javascript:alert(1)"];

    private readonly TempDirectory _site = new();

    public string Path => _site.Path;

    internal CliResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var team in TeamNames)
        {
            Assert.Equal(0, (await EvidenceCli.RunAsync("demo", "--team", "--out", _site.Combine(team))).ExitCode);
        }

        _site.Write("assets/logo.txt", "not a team");
        Result = await EvidenceCli.RunAsync("course-index", "--site", _site.Path, "--title", "PPL 2025 & friends");
    }

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }
}
