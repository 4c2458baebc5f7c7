using System.Text.RegularExpressions;
using Reports.Config;

namespace Reports.Tests.Config;

public sealed class SampleYamlTests
{
    [Fact]
    public void Sample_config_loads_with_the_given_username()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write(ConfigLoader.SampleYaml("abhipraya", new DateOnly(2025, 3, 10)));

        var config = ConfigLoader.Load(path);

        Assert.Equal("abhipraya", config.Student.Username);
        Assert.Equal("GITLAB_TOKEN", config.GitLab.TokenEnv);
        Assert.Single(config.Calendar.Sprints);
        Assert.Null(config.Linear);
    }

    [Fact]
    public void Sample_config_with_its_optional_keys_uncommented_still_loads()
    {
        using var folder = new ConfigFolder();
        Directory.CreateDirectory(Path.Combine(folder.Root, "templates"));
        var sample = ConfigLoader.SampleYaml("abhipraya", new DateOnly(2025, 3, 10));
        var uncommented = Regex.Replace(sample, @"^(\s*)# (?=\s*[a-z_]+:)", "$1", RegexOptions.Multiline);
        var path = folder.Write(uncommented);

        var config = ConfigLoader.Load(path);

        Assert.Equal(["SIRA"], config.Linear?.Teams);
        Assert.Equal("you@example.com", config.Student.LinearEmail);
        Assert.Equal(Path.Combine(folder.Root, "templates"), config.TemplatesDirectory);
    }

    [Fact]
    public void Every_key_in_the_sample_has_a_comment()
    {
        var keyLines = ConfigLoader.SampleYaml("abhipraya", new DateOnly(2025, 3, 10))
            .Split('\n')
            .Select(l => Regex.Replace(l, @"^(\s*)# (?=\s*[a-z_]+:)", "$1"))
            .Where(l => Regex.IsMatch(l, @"^\s*[a-z_]+:"));

        Assert.All(keyLines, l => Assert.Contains(" # ", l));
    }

    [Theory]
    [InlineData("abhipraya")]
    [InlineData("a.b-c_d")]
    [InlineData("name with 'quotes': and colon")]
    [InlineData("-dash")]
    public void Sample_config_keeps_any_username_intact(string username)
    {
        using var folder = new ConfigFolder();
        var path = folder.Write(ConfigLoader.SampleYaml(username, new DateOnly(2025, 3, 10)));

        Assert.Equal(username, ConfigLoader.Load(path).Student.Username);
    }
}
