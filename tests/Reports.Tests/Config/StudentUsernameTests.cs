using Reports.Config;

namespace Reports.Tests.Config;

/// <summary>A team's site has a folder per username, so a username that is not a safe folder name is a config error.</summary>
public sealed class StudentUsernameTests
{
    private const string GitLab = "gitlab:\n  url: https://gitlab.example.com\n  projects: [ppl/sira-backend]\n";

    [Theory]
    [InlineData("\"../x\"")]
    [InlineData("a/b")]
    [InlineData("\".\"")]
    [InlineData("\"..\"")]
    [InlineData("index.html")]
    [InlineData("\"a b\"")]
    public void A_team_member_whose_username_cannot_name_a_folder_is_refused_with_its_key_and_line(string username)
    {
        using var folder = new ConfigFolder();
        var path = folder.Write($"students:\n  - username: abhipraya\n  - username: {username}\n" + GitLab);

        var error = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"{path}:3: students[1].username: '{username.Trim('"')}' ", error.Message);
        Assert.Contains("cannot name the student's folder", error.Message);
    }

    [Fact]
    public void An_empty_team_username_is_a_missing_key()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write("students:\n  - username: abhipraya\n  - username: \"\"\n" + GitLab);

        var error = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.Contains("students[1].username", error.Message);
    }

    [Fact]
    public void One_students_username_names_no_folder_and_is_kept_as_written()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write("student:\n  username: \"a b\"\n" + GitLab);

        Assert.Equal("a b", ConfigLoader.Load(path).Student.Username);
    }

    [Fact]
    public void Dotted_and_dashed_gitlab_usernames_are_accepted()
    {
        using var folder = new ConfigFolder();
        var path = folder.Write("students:\n  - username: dimas.saputra\n  - username: a_b-c\n" + GitLab);

        Assert.Equal(["dimas.saputra", "a_b-c"], ConfigLoader.Load(path).Students.Select(s => s.Username));
    }
}
