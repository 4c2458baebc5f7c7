using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary><c>student:</c>, or one entry of <c>students:</c>, in <c>evidence.yml</c>.</summary>
internal sealed record StudentConfig
{
    /// <summary>GitLab username (required).</summary>
    public required string Username { get; init; }

    public string? Name { get; init; }

    /// <summary>Commit author emails that are this student; compared case-insensitively.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    public string? LinearEmail { get; init; }

    /// <summary>Where the username is written, e.g. <c>evidence.yml:3</c>, and its key, e.g. <c>students[1].username</c>: for errors found later, against GitLab.</summary>
    public (string Where, string Key)? UsernameSource { get; init; }

    /// <summary>The roster's team of the student (a name under <c>teams:</c>); null outside a course.</summary>
    public string? Team { get; init; }

    /// <summary>The roster's tutor of the student, as written; null when the roster names none.</summary>
    public string? Tutor { get; init; }

    /// <summary>
    /// <c>student:</c> or <c>students:</c>, never both; required except for <c>notify</c>. Each
    /// student comes with the mapping it was read from, so a later check can name its line.
    /// </summary>
    internal static IReadOnlyList<(StudentConfig Student, YamlSection? Section)> ReadAll(ConfigReader reader, YamlSection root, IReadOnlyList<TeamConfig> teams, bool linearConfigured)
    {
        var (one, team, roster) = (ConfigSchema.Root.Student, ConfigSchema.Root.Students, ConfigSchema.Root.Roster);
        var single = reader.OptionalSection(root, one);
        if (reader.OptionalString(root, roster) is { } rosterFile)
        {
            if (single is not null || ConfigReader.Get(root, team) is not null)
            {
                throw reader.Error(root.KeyLines[roster.Name], $"write one of {one.Name}:, {team.Name}: or {roster.Name}:, not several");
            }

            // A roster's errors name the file as the config names it, beside the config's own path.
            var display = Path.Combine(Path.GetDirectoryName(reader.DisplayPath) ?? "", rosterFile);
            return [.. RosterFile.Read(reader.ResolvePath(root, roster, rosterFile), display, [.. teams.Select(t => t.Name)], linearConfigured && reader.Purpose == ConfigPurpose.Report)
                .Select(s => (s, (YamlSection?)null))];
        }

        if (teams.Count > 0)
        {
            throw reader.Error(root.KeyLines[ConfigSchema.Root.Teams.Name], $"{ConfigSchema.Root.Teams.Name}: needs {roster.Name}:, the CSV whose team column puts each student in a team");
        }

        if (ConfigReader.Get(root, team) is not { } teamNode)
        {
            return single is not null ? [(Read(reader, single), (YamlSection?)single)]
                : reader.Purpose == ConfigPurpose.Notify ? []
                : throw reader.MissingSection(root, one, ConfigSchema.Student.Username);
        }

        if (single is not null)
        {
            throw reader.Error(root.KeyLines[team.Name], $"write either {one.Name}: (one student) or {team.Name}: (a team), not both");
        }

        var items = reader.Sequence(teamNode, team.Name, team.Example!);
        if (items.Count == 0)
        {
            throw reader.Error(teamNode, $"{team.Name} is empty; list at least one student, e.g. {team.Example}");
        }

        var students = new List<(StudentConfig Student, YamlSection? Section)>();
        for (var i = 0; i < items.Count; i++)
        {
            var section = reader.Section(items[i], team.ItemSection!, items[i].Start.Line, $"{team.Name}[{i}]");
            var student = Read(reader, section);

            // A team's site has a folder per username; the rule lives with the site (Site/StudentFolder.cs).
            if (StudentFolder.Problem(student.Username) is { } problem)
            {
                throw reader.Error(section.Node(ConfigSchema.Student.Username), $"{section.KeyPath(ConfigSchema.Student.Username)}: {problem}");
            }

            var twin = students.FindIndex(s => string.Equals(s.Student.Username, student.Username, StringComparison.OrdinalIgnoreCase));
            if (twin >= 0)
            {
                throw reader.Error(items[i], $"{team.Name}[{i}]: '{student.Username}' is listed twice (also {team.Name}[{twin}]); usernames are compared ignoring case");
            }

            students.Add((student, section));
        }

        return students;
    }

    private static StudentConfig Read(ConfigReader reader, YamlSection student)
    {
        var (emailsKey, linearEmailKey) = (ConfigSchema.Student.Emails, ConfigSchema.Student.LinearEmail);
        var username = reader.RequiredString(student, ConfigSchema.Student.Username);
        var emails = reader.StringList(student, emailsKey);
        for (var i = 0; i < emails.Count; i++)
        {
            reader.CheckEmail(student, emailsKey, emails[i], ((YamlSequenceNode)student.Node(emailsKey)).Children[i], $"[{i}]");
        }

        var linearEmail = reader.OptionalString(student, linearEmailKey);
        if (linearEmail is not null)
        {
            reader.CheckEmail(student, linearEmailKey, linearEmail, student.Node(linearEmailKey));
        }

        return new StudentConfig
        {
            Username = username,
            UsernameSource = (reader.Where(student.Node(ConfigSchema.Student.Username)), student.KeyPath(ConfigSchema.Student.Username)),
            Name = reader.OptionalString(student, ConfigSchema.Student.Name),
            Emails = emails,
            LinearEmail = linearEmail,
        };
    }
}
