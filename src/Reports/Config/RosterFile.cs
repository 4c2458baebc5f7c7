using System.Text;
using CsvHelper;

namespace Reports.Config;

/// <summary>
/// The course's roster (<c>roster: roster.csv</c>): one student a row under the header
/// <c>username,name,emails,linear_email,team,tutor</c>, as a spreadsheet exports it (UTF-8 with or
/// without a byte-order mark, RFC 4180 quoting). Every error names the file, the line and the column
/// (1 for the first), as <c>roster.csv:4:3: …</c>.
/// </summary>
internal static class RosterFile
{
    /// <summary>A course of a thousand students is about 100 KB; far past that the path names the wrong file.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public const string Username = "username";
    public const string Name = "name";
    public const string Emails = "emails";
    public const string LinearEmail = "linear_email";
    public const string Team = "team";
    public const string Tutor = "tutor";

    /// <summary>The columns a roster may have, in the documented order; only <c>username</c> is required.</summary>
    public static readonly IReadOnlyList<string> Columns = [Username, Name, Emails, LinearEmail, Team, Tutor];

    /// <summary>Reads the roster at <paramref name="fullPath"/>; <paramref name="displayPath"/> starts every error.</summary>
    /// <param name="teams">The team names under <c>teams:</c>; with two or more, each row names one of them.</param>
    /// <param name="linearEmailRequired">Set when <c>linear:</c> is: every student then needs a Linear account.</param>
    public static IReadOnlyList<StudentConfig> Read(string fullPath, string displayPath, IReadOnlyList<string> teams, bool linearEmailRequired)
    {
        var text = ReadText(fullPath, displayPath);
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = MaxBytes,
        };
        try
        {
            using var csv = CsvReader.FromText(text, options);
            var columns = Header(csv, displayPath, text);
            var students = new List<StudentConfig>();
            var lines = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            while (csv.Read())
            {
                var row = new Row(csv, columns, displayPath);
                var student = Student(row, teams, linearEmailRequired);
                if (!lines.TryAdd(student.Username, csv.LineNumber))
                {
                    throw row.Error(Username, $"'{student.Username}' is listed twice (also on line {lines[student.Username]}); usernames are compared ignoring case");
                }

                students.Add(student);
            }

            return students.Count > 0
                ? students
                : throw new EvidenceException($"{displayPath}:1:1: the roster lists no student; add a row per student under the header {string.Join(',', Columns)}");
        }
        catch (CsvFormatException e)
        {
            throw new EvidenceException($"{displayPath}:{Math.Max(1, e.LineNumber)}:1: not valid CSV: {e.Message.TrimEnd('.')} (quote a value that holds a comma or a quote, and double the quotes inside it)", e);
        }
    }

    private static string ReadText(string fullPath, string displayPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                throw new EvidenceException($"roster '{displayPath}' not found; export the course's spreadsheet as CSV there, or fix roster: in the config");
            }

            return info.Length > MaxBytes
                ? throw new EvidenceException($"roster '{displayPath}' is larger than {MaxBytes / 1024 / 1024} MB; check that roster: names the course's CSV")
                : ConfigText.Decode(File.ReadAllBytes(fullPath), displayPath, "roster");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException($"could not read roster '{displayPath}': {e.Message}", e);
        }
    }

    /// <summary>Column name → index, after checking that every column is known, once, and that <c>username</c> is there.</summary>
    private static Dictionary<string, int> Header(CsvReader csv, string displayPath, string text)
    {
        var names = csv.Headers;
        var firstLine = text.Split('\n', 2)[0];
        if (names.Count == 1 && firstLine.Contains(';', StringComparison.Ordinal))
        {
            throw new EvidenceException($"{displayPath}:1:1: the header has no commas but has semicolons; export the spreadsheet as comma-separated CSV (emails within a cell are separated by ';')");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().ToLowerInvariant();
            if (!Columns.Contains(name, StringComparer.Ordinal))
            {
                var hint = KeySuggester.Closest(name, Columns) is { } close ? $"did you mean '{close}'?" : $"the columns are {string.Join(',', Columns)}";
                throw new EvidenceException($"{displayPath}:1:{i + 1}: unknown column '{names[i]}' ({hint}); remove or rename it");
            }

            if (!columns.TryAdd(name, i))
            {
                throw new EvidenceException($"{displayPath}:1:{i + 1}: column '{name}' appears twice (also column {columns[name] + 1}); keep one");
            }
        }

        return columns.ContainsKey(Username)
            ? columns
            : throw new EvidenceException($"{displayPath}:1:1: the header has no 'username' column; the first line names the columns, e.g. {string.Join(',', Columns)}");
    }

    private static StudentConfig Student(Row row, IReadOnlyList<string> teams, bool linearEmailRequired)
    {
        var username = row.Value(Username) ?? throw row.Error(Username, "the username is empty; every row needs the student's GitLab username");
        if (StudentFolder.Problem(username) is { } problem)
        {
            throw row.Error(Username, problem);
        }

        var emails = (row.Value(Emails) ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (emails.FirstOrDefault(e => !ConfigReader.IsEmail(e)) is { } badEmail)
        {
            throw row.Error(Emails, $"'{badEmail}' is not an email address (separate several with ';')");
        }

        var linearEmail = row.Value(LinearEmail);
        if (linearEmail is not null && !ConfigReader.IsEmail(linearEmail))
        {
            throw row.Error(LinearEmail, $"'{linearEmail}' is not an email address");
        }

        if (linearEmail is null && linearEmailRequired)
        {
            throw row.Error(LinearEmail, $"'{username}' has no linear_email (linear: is set, so each student needs the email of their Linear account; or remove linear:)");
        }

        return new StudentConfig
        {
            Username = username,
            UsernameSource = (row.Where(Username), Username),
            Name = row.Value(Name),
            Emails = [.. emails],
            LinearEmail = linearEmail,
            Team = TeamOf(row, teams),
            Tutor = row.Value(Tutor),
        };
    }

    private static string? TeamOf(Row row, IReadOnlyList<string> teams)
    {
        var team = row.Value(Team);
        if (team is null)
        {
            return teams.Count switch
            {
                0 => null,
                1 => teams[0],
                _ => throw row.Error(Team, $"the team is empty; with several teams under teams: ({string.Join(", ", teams)}) each student names theirs"),
            };
        }

        if (teams.Count == 0)
        {
            throw row.Error(Team, $"names team '{team}', but the config has no teams:; add teams: with each team's projects, or leave the column empty");
        }

        return teams.FirstOrDefault(t => t == team)
            ?? throw row.Error(Team, $"'{team}' is not a team under teams: ({string.Join(", ", teams)}){(KeySuggester.Closest(team, teams) is { } close ? $"; did you mean '{close}'?" : "")}");
    }

    /// <summary>One record: its values by column and where it is, for errors.</summary>
    private sealed class Row(CsvReader csv, Dictionary<string, int> columns, string displayPath)
    {
        private readonly long _line = csv.LineNumber;
        private readonly string?[] _values = [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))];

        /// <summary>The trimmed value of <paramref name="column"/>, or null when the column is absent or the cell empty.</summary>
        public string? Value(string column) =>
            columns.TryGetValue(column, out var i) && i < _values.Length && _values[i]?.Trim() is { Length: > 0 } value ? value : null;

        /// <summary><c>roster.csv:7:1</c>: the cell of <paramref name="column"/>, for a check that runs later.</summary>
        public string Where(string column) => $"{displayPath}:{_line}:{(columns.TryGetValue(column, out var i) ? i + 1 : 1)}";

        public EvidenceException Error(string column, string message)
        {
            var where = columns.TryGetValue(column, out var i) ? i + 1 : columns.Count + 1;
            return new EvidenceException($"{displayPath}:{_line}:{where}: {column}: {Clean(message)}");
        }

        // A value echoed in a message stays on one line.
        private static string Clean(string message) =>
            new StringBuilder(message).Replace('\r', ' ').Replace('\n', ' ').ToString();
    }
}
