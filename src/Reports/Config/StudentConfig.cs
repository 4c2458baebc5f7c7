using Reports.Site;
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

    /// <summary>
    /// <c>student:</c> or <c>students:</c>, never both; required except for <c>notify</c>. Each
    /// student comes with the mapping it was read from, so a later check can name its line.
    /// </summary>
    internal static IReadOnlyList<(StudentConfig Student, YamlSection Section)> ReadAll(ConfigReader reader, YamlSection root)
    {
        var (one, team) = (ConfigSchema.Root.Student, ConfigSchema.Root.Students);
        var single = reader.OptionalSection(root, one);
        if (ConfigReader.Get(root, team) is not { } teamNode)
        {
            return single is not null ? [(Read(reader, single), single)]
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

        var students = new List<(StudentConfig Student, YamlSection Section)>();
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
