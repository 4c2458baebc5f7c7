using Reports.Config;

namespace Reports.Tests.Config;

/// <summary>
/// <c>roster: roster.csv</c> and <c>teams:</c>: a course's students from a spreadsheet's CSV, each team's
/// settings in the config; every roster error names the CSV file, its line and its column.
/// </summary>
public sealed class RosterTests
{
    private const string Header = "username,name,emails,linear_email,team,tutor\n";

    private const string Course = """
        roster: roster.csv
        teams:
          sira: { projects: [ppl/sira], token_env: SIRA_TOKEN }
          kopi: { projects: [ppl/kopi] }
        gitlab:
          url: https://gitlab.example.com
        """;

    [Fact]
    public void A_roster_with_a_bom_quotes_and_crlf_gives_each_team_its_students_settings_and_tutors()
    {
        using var folder = new ConfigFolder();
        folder.Write("\uFEFF" + Header.Replace("\n", "\r\n", StringComparison.Ordinal)
            + "abhipraya,\"Abhipraya, A.\",\"a@example.com; a2@example.com\",,sira,Bu Ratna\r\n"
            + "dimas,Dimas,,,kopi,\r\n", "roster.csv");
        var config = ConfigLoader.Load(folder.Write(Course));

        var sira = config.ForTeam("SIRA");

        Assert.True(config.IsCourse);
        Assert.Equal(["abhipraya", "dimas"], config.Students.Select(s => s.Username));
        Assert.Equal("sira", sira.TeamName);
        var student = Assert.Single(sira.Students);
        Assert.Equal(("Abhipraya, A.", "Bu Ratna"), (student.Name, student.Tutor));
        Assert.Equal(["a@example.com", "a2@example.com"], student.Emails);
        Assert.Equal(["ppl/sira"], sira.GitLab.Projects);
        Assert.Equal("SIRA_TOKEN", sira.GitLab.TokenEnv);
        Assert.Equal(ConfigSchema.GitLab.DefaultTokenEnv, config.ForTeam("kopi").GitLab.TokenEnv);
        Assert.Null(config.ForTeam("kopi").Students[0].Tutor);
    }

    [Theory]
    [InlineData("abhipraya,A,not-an-email,,sira,\n", "roster.csv:2:3: emails: 'not-an-email' is not an email address")]
    [InlineData("abhipraya,A,,,sira,\nABHIPRAYA,B,,,kopi,\n", "roster.csv:3:1: username: 'ABHIPRAYA' is listed twice (also on line 2)")]
    [InlineData("abhipraya,A,,,,\n", "roster.csv:2:5: team: the team is empty")]
    [InlineData("abhipraya,A,,,sria,\n", "roster.csv:2:5: team: 'sria' is not a team under teams: (sira, kopi); did you mean 'sira'?")]
    [InlineData(",A,,,sira,\n", "roster.csv:2:1: username: the username is empty")]
    [InlineData("../x,A,,,sira,\n", "roster.csv:2:1: username: '../x' is not a GitLab username")]
    [InlineData("abhipraya,A,,,sira,\n\"dimas,D,,,kopi,\n", "roster.csv:3:1: not valid CSV")]
    public void A_bad_row_names_the_file_line_and_column(string rows, string expected)
    {
        using var folder = new ConfigFolder();
        folder.Write(Header + rows, "roster.csv");
        var path = folder.Write(Course + "\n");

        var error = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.StartsWith(Path.Combine(folder.Root, expected), error.Message);
    }

    [Theory]
    [InlineData("username,name,email\n", "roster.csv:1:3: unknown column 'email' (did you mean 'emails'?)")]
    [InlineData("name,team\n", "roster.csv:1:1: the header has no 'username' column")]
    [InlineData("username;name;team\n", "roster.csv:1:1: the header has no commas but has semicolons")]
    [InlineData("username,team,team\n", "roster.csv:1:3: column 'team' appears twice")]
    public void A_bad_header_names_the_file_and_column(string header, string expected)
    {
        using var folder = new ConfigFolder();
        folder.Write(header + "abhipraya,sira,sira\n", "roster.csv");
        var path = folder.Write(Course + "\n");

        var error = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.Equal(Path.Combine(folder.Root, expected), error.Message[..(folder.Root.Length + 1 + expected.Length)]);
    }

    [Theory]
    [InlineData("tutor")]
    [InlineData("index.html")]
    [InlineData("gradebook.csv")]
    [InlineData("sprint-2-week-1")]
    public void A_team_named_like_the_sites_own_files_is_refused(string team)
    {
        using var folder = new ConfigFolder();
        folder.Write(Header + $"abhipraya,A,,,{team},\n", "roster.csv");
        var path = folder.Write($"roster: roster.csv\nteams:\n  {team}: {{ projects: [ppl/sira] }}\ngitlab:\n  url: https://gitlab.example.com\n");

        var error = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"{path}:3: teams.{team}: '{team}' is a name the site uses for itself", error.Message);
    }

    [Fact]
    public void A_team_without_students_or_projects_is_an_error_on_its_line()
    {
        using var folder = new ConfigFolder();
        folder.Write(Header + "abhipraya,A,,,sira,\n", "roster.csv");
        var empty = folder.Write(Course + "\n", "empty.yml");
        var noProjects = folder.Write("roster: roster.csv\nteams:\n  sira: { token_env: X }\ngitlab:\n  url: https://gitlab.example.com\n", "bare.yml");

        Assert.StartsWith($"{empty}:4: teams.kopi: no student of the roster is in this team", Assert.Throws<EvidenceException>(() => ConfigLoader.Load(empty)).Message);
        Assert.StartsWith($"{noProjects}:3: missing required key 'teams.sira.projects'", Assert.Throws<EvidenceException>(() => ConfigLoader.Load(noProjects)).Message);
    }

    [Fact]
    public void Roster_and_students_together_or_teams_without_a_roster_are_refused()
    {
        using var folder = new ConfigFolder();
        folder.Write(Header + "abhipraya,A,,,,\n", "roster.csv");
        var both = folder.Write("roster: roster.csv\nstudents: [{ username: x }]\ngitlab: { url: https://gitlab.example.com, projects: [a/b] }\n", "both.yml");
        var teams = folder.Write("students: [{ username: x }]\nteams:\n  sira: { projects: [a/b] }\ngitlab: { url: https://gitlab.example.com }\n", "teams.yml");

        Assert.Contains("not several", Assert.Throws<EvidenceException>(() => ConfigLoader.Load(both)).Message);
        Assert.Contains("teams: needs roster:", Assert.Throws<EvidenceException>(() => ConfigLoader.Load(teams)).Message);
    }

    [Fact]
    public void With_linear_every_roster_row_needs_a_linear_email()
    {
        using var folder = new ConfigFolder();
        folder.Write(Header + "abhipraya,A,,a@example.com,,\nfroklax,F,,,,\n", "roster.csv");
        var path = folder.Write("roster: roster.csv\ngitlab: { url: https://gitlab.example.com, projects: [a/b] }\nlinear: { teams: [SIRA] }\n");

        var error = Assert.Throws<EvidenceException>(() => ConfigLoader.Load(path));

        Assert.StartsWith(Path.Combine(folder.Root, "roster.csv:3:4: linear_email: 'froklax' has no linear_email"), error.Message);
    }

    [Fact]
    public void A_roster_without_teams_is_one_team_like_students()
    {
        using var folder = new ConfigFolder();
        folder.Write(Header + "abhipraya,A,,,,Bu Ratna\nfroklax,F,,,,\n", "roster.csv");

        var config = ConfigLoader.Load(folder.Write("roster: roster.csv\ngitlab: { url: https://gitlab.example.com, projects: [a/b] }\n"));

        Assert.True(config.IsTeam);
        Assert.False(config.IsCourse);
        Assert.Equal(["abhipraya", "froklax"], config.Students.Select(s => s.Username));
    }
}
