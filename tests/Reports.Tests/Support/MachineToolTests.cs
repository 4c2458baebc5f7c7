namespace Reports.Tests.Support;

/// <summary>The one rule for tests that need a program from the machine: run, skip naming the fix, or fail under CI.</summary>
public sealed class MachineToolTests
{
    [Fact]
    public void A_missing_program_skips_with_the_command_that_installs_it_when_not_in_CI()
    {
        var tool = Tool(new() { ["EVIDENCE_TOOL"] = "/nonexistent/tool" });

        var skip = Assert.Throws<SkipException>(() => tool.Require());

        Assert.Contains("apt-get install -y tool", skip.Message);
        Assert.False(tool.IsCi);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("yes")]
    public void A_missing_program_fails_under_CI(string ci)
    {
        var tool = Tool(new() { ["EVIDENCE_TOOL"] = "/nonexistent/tool", ["CI"] = ci });

        var failure = Assert.Throws<Xunit.Sdk.XunitException>(() => tool.Require());

        Assert.Contains("must run", failure.Message);
        Assert.Contains("apt-get install -y tool", failure.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("false")]
    public void CI_set_to_empty_zero_or_false_is_not_CI(string ci)
    {
        Assert.False(Tool(new() { ["CI"] = ci }).IsCi);
    }

    [Fact]
    public void A_bare_name_is_found_on_PATH_and_the_override_wins()
    {
        using var folder = new TempDirectory();
        var onPath = Path.Combine(folder.Path, "tool");
        var elsewhere = Path.Combine(folder.Path, "other-tool");
        File.WriteAllText(onPath, "");
        File.WriteAllText(elsewhere, "");

        Assert.Equal(onPath, Tool(new() { ["PATH"] = $"/nonexistent{Path.PathSeparator}{folder.Path}", ["CI"] = "true" }).Require());
        Assert.Equal(elsewhere, Tool(new() { ["PATH"] = folder.Path, ["EVIDENCE_TOOL"] = elsewhere }).Require());
    }

    private static MachineTool Tool(Dictionary<string, string> environment) =>
        MachineTool.Create("Tool", "apt-get install -y tool", "EVIDENCE_TOOL", "tool", name => environment.GetValueOrDefault(name));
}
