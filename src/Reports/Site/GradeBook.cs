using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Reports.Site;

/// <summary>
/// The grade book at a course's or team's root, <c>gradebook.csv</c> and <c>gradebook.json</c>: one row
/// per student × week with the numbers the reports state (docs/course.md lists the columns). The CSV is
/// RFC 4180 (CRLF, quotes where needed) in UTF-8 with a byte-order mark, so spreadsheets read its names
/// right; a text cell a spreadsheet would run as a formula (first character <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR) gets a leading <c>'</c>, as OWASP's CSV-injection advice says.
/// </summary>
internal static partial class GradeBook
{
    public const string CsvFile = "gradebook.csv";
    public const string JsonFile = "gradebook.json";

    /// <summary>The columns, in order; the JSON's members have the same names.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "team", "username", "name", "tutor", "sprint", "week", "start", "end", "status",
        "reviewed_mrs", "findings", "p0", "p1", "p2", "p3", "ungraded", "merges", "commits",
        "tickets_created", "tickets_moved", "tickets", "subissues", "scenarios", "flags", "report_url",
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    /// <summary>The rows of <paramref name="teams"/>: team by team, each student in the team's order, each week oldest first.</summary>
    /// <param name="teams">The teams with their students' weeks; a team's <see cref="CourseTeam.Href"/> leads each link.</param>
    /// <param name="flags">How many attention flags name a student (by team, username and week slug).</param>
    public static IReadOnlyList<GradeRow> Rows(IReadOnlyList<CourseTeam> teams, Func<string, string, string, int>? flags = null, bool relativeToTeam = false)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var rows = new List<GradeRow>();
        foreach (var team in teams)
        {
            var prefix = relativeToTeam ? team.Href.Length - "index.html".Length : 0;
            foreach (var student in team.Students)
            {
                foreach (var week in student.Weeks)
                {
                    var (sprint, number) = SprintWeek(week.Slug);
                    var c = week.Counts;
                    rows.Add(new GradeRow(
                        team.Name, student.Username, student.Name, student.Tutor, sprint, number, week.Start, week.End, week.Status,
                        c?.ReviewedMrs, c?.Findings, c?.P0, c?.P1, c?.P2, c?.P3, c?.Ungraded, c?.Merges, c?.Commits,
                        c?.TicketsCreated, c?.TicketsMoved, c?.Tickets, c?.Subissues, c?.Scenarios,
                        flags?.Invoke(team.Name, student.Username, week.Slug) ?? team.FlagsOf(student.Username, week.Slug),
                        student.WeekHref(week)[prefix..]));
                }
            }
        }

        return rows;
    }

    /// <summary><c>gradebook.csv</c> of <paramref name="rows"/>.</summary>
    public static string ToCsv(IReadOnlyList<GradeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Csv, leaveOpen: true))
        {
            csv.WriteRecord([.. Columns]);
            foreach (var r in rows)
            {
                csv.WriteRecord(
                [
                    r.Team, r.Username, r.Name, r.Tutor ?? "", Number(r.Sprint), Number(r.Week), Date(r.Start), Date(r.End), r.Status,
                    Number(r.ReviewedMrs), Number(r.Findings), Number(r.P0), Number(r.P1), Number(r.P2), Number(r.P3), Number(r.Ungraded),
                    Number(r.Merges), Number(r.Commits), Number(r.TicketsCreated), Number(r.TicketsMoved), Number(r.Tickets),
                    Number(r.Subissues), Number(r.Scenarios), Number(r.Flags), r.ReportUrl,
                ]);
            }
        }

        return "\uFEFF" + text;
    }

    /// <summary><c>gradebook.json</c> of <paramref name="rows"/>: an array of objects with the CSV's columns as members, numbers as numbers.</summary>
    public static string ToJson(IReadOnlyList<GradeRow> rows) => JsonSerializer.Serialize(rows, Json) + "\n";

    /// <summary>The grade book's two files, under <paramref name="folder"/> ("" or <c>"{team}/"</c>).</summary>
    public static IEnumerable<SiteFile> Files(string folder, IReadOnlyList<GradeRow> rows)
    {
        yield return new SiteFile(folder + CsvFile, ToCsv(rows));
        yield return new SiteFile(folder + JsonFile, ToJson(rows));
    }

    private static (int? Sprint, int? Week) SprintWeek(string slug) =>
        SprintSlug().Match(slug) is { Success: true } m
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : (null, null);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\Asprint-(\d+)-week-(\d+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex SprintSlug();
}
