using System.Text.RegularExpressions;
using Reports.Cli;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>The commands the README tells people to type are commands this CLI accepts.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    public static TheoryData<string> EvidenceCommandLines() =>
        [.. CommandRegex().Matches(Readme).Select(m => m.Groups["args"].Value.Trim()).Distinct()];

    [Theory]
    [MemberData(nameof(EvidenceCommandLines))]
    public void Command_line_in_the_readme_parses(string arguments)
    {
        var parse = EvidenceCommand.Create().Parse(arguments);

        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void First_screen_gives_the_demo_and_test_commands_that_ci_runs()
    {
        var firstScreen = string.Join('\n', Readme.Split('\n').Take(25));

        Assert.Contains("dotnet run --project src/Reports.Cli -- demo", firstScreen);
        Assert.Contains("dotnet test Reports.sln", firstScreen);
        Assert.Contains("dotnet test Reports.sln", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }

    // "dotnet evidence build …", "dotnet run --project src/Reports.Cli -- demo", "evidence templates export …", "- .tools/evidence build …" in code blocks.
    [GeneratedRegex(@"^\s*(?:- )?(?:dotnet (?:run --project src/Reports\.Cli --|evidence)|(?:\.tools/)?evidence) (?<args>(?:build|collect|render|demo|init|templates|course-index)\b[^#\n`]*)", RegexOptions.Multiline)]
    private static partial Regex CommandRegex();
}
