using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.Time.Testing;
using Reports.Site;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>The grade book of a course built from the roster: the numbers the reports state, one row per student × week, safe in a spreadsheet.</summary>
public sealed class CourseGradeBookTests(BuiltCourse built) : IClassFixture<BuiltCourse>
{
    private readonly CourseScenario _course = built.Course;

    private readonly BuiltCourse _output = built;

    [Fact]
    public void The_course_grade_book_has_the_documented_columns_and_a_row_per_student_and_week()
    {
        var rows = ReadCsv(_output.Combine("gradebook.csv"));

        Assert.Equal(GradeBook.Columns, rows[0].Keys);
        Assert.Equal(6 * 2, rows.Count);
        Assert.Equal(["kopi", "lumbung", "sira"], rows.Select(r => r["team"]).Distinct());
        Assert.All(rows, r => Assert.Equal("complete", r["status"]));
    }

    [Fact]
    public void Hand_checked_weeks_have_the_numbers_their_reports_state()
    {
        var rows = ReadCsv(_output.Combine("gradebook.csv"));
        string Cells(string user, string week, params string[] columns) =>
            string.Join(",", columns.Select(c => rows.Single(r => r["username"] == user && r["week"] == week)[c]));

        Assert.Equal("1,1,1,0,3,1,Bu Ratna,2,1,2025-03-24,2025-03-30", Cells("abhipraya", "1", "reviewed_mrs", "findings", "p0", "p2", "merges", "commits", "tutor", "sprint", "week", "start", "end"));
        Assert.Equal("1,1,1,0", Cells("froklax", "1", "reviewed_mrs", "findings", "p2", "merges"));
        Assert.Equal("1,3,1,1,1", Cells("froklax", "2", "reviewed_mrs", "findings", "p1", "p3", "ungraded"));
        Assert.Equal("0,0,0,0", Cells("fajar", "1", "findings", "merges", "commits", "reviewed_mrs"));
        Assert.Equal("1,,,Bu Ratna", Cells("dimas", "1", "merges", "tickets", "tickets_created", "tutor"));
        Assert.Equal("sira/abhipraya/sprint-2-week-1/index.html", Cells("abhipraya", "1", "report_url"));
    }

    [Fact]
    public void Every_rows_numbers_equal_its_weeks_entry_and_its_link_leads_to_the_report()
    {
        foreach (var row in ReadCsv(_output.Combine("gradebook.csv")))
        {
            Assert.True(File.Exists(_output.Combine(row["report_url"].Split('/'))), $"{row["report_url"]} is not a file");
            var entry = SiteEntries.In(_output.Combine(row["team"], row["username"])).Single(e => e.Start.ToString("yyyy-MM-dd") == row["start"]);
            var c = entry.Counts!;
            Assert.Equal(
                $"{c.ReviewedMrs},{c.Findings},{c.P0},{c.P1},{c.P2},{c.P3},{c.Ungraded},{c.Merges},{c.Commits}",
                string.Join(",", new[] { "reviewed_mrs", "findings", "p0", "p1", "p2", "p3", "ungraded", "merges", "commits" }.Select(k => row[k])));
            var teamPage = File.ReadAllText(_output.Combine(row["team"], "index.html"));
            Assert.Contains(c.IsEmpty ? $"{row["username"]}/{entry.Slug}/index.html\"><strong>no activity" : $"{row["username"]}/{entry.Slug}/index.html\">{c.Findings} finding", teamPage);
        }
    }

    [Fact]
    public void A_name_that_starts_like_a_formula_is_neutralised_and_hostile_text_stays_a_value()
    {
        var text = File.ReadAllText(_output.Combine("gradebook.csv"));
        var rows = ReadCsv(_output.Combine("gradebook.csv"));

        Assert.StartsWith("\uFEFFteam,username,", text);
        Assert.Contains("\r\n", text);
        Assert.All(rows.Where(r => r["username"] == "eka"), r => Assert.Equal("'" + CourseScenario.FormulaName, r["name"]));
        Assert.All(rows.Where(r => r["username"] == "citra"), r => Assert.Equal(CourseScenario.HostileName, r["name"]));
        Assert.DoesNotContain(text.Split("\r\n"), line => line.Contains(',' + CourseScenario.FormulaName, StringComparison.Ordinal));
    }

    [Fact]
    public void The_json_grade_book_has_the_same_rows_with_numbers_as_numbers()
    {
        var csv = ReadCsv(_output.Combine("gradebook.csv"));
        using var json = JsonDocument.Parse(File.ReadAllText(_output.Combine("gradebook.json")));

        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(csv.Count, rows.Count);
        Assert.Equal(GradeBook.Columns, rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(CourseScenario.FormulaName, rows.First(r => r.GetProperty("username").GetString() == "eka").GetProperty("name").GetString());
        for (var i = 0; i < csv.Count; i++)
        {
            Assert.Equal(csv[i]["findings"], rows[i].GetProperty("findings").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(JsonValueKind.Null, rows[i].GetProperty("tickets").ValueKind);
        }
    }

    [Fact]
    public void Each_team_site_has_its_own_grade_book_linking_relative_to_it()
    {
        var rows = ReadCsv(_output.Combine("sira", "gradebook.csv"));

        Assert.Equal(3 * 2, rows.Count);
        Assert.All(rows, r => Assert.True(File.Exists(_output.Combine(["sira", .. r["report_url"].Split('/')])), r["report_url"]));
    }

    [Fact]
    public async Task Course_index_makes_the_same_grade_book_from_what_the_team_builds_wrote()
    {
        using var jobs = new TempDirectory();
        var time = new FakeTimeProvider(CourseScenario.AfterBothWeeks);
        foreach (var team in new[] { "sira", "kopi", "lumbung" })
        {
            Assert.Equal(0, (await EvidenceCli.RunAsync(time, "build", "--config", _course.Config, "--all-weeks", "--team", team, "--no-cache", "--out", jobs.Path)).ExitCode);
        }

        Assert.Equal(0, (await EvidenceCli.RunAsync("course-index", "--site", jobs.Path)).ExitCode);

        Assert.Equal(File.ReadAllText(_output.Combine("gradebook.csv")), File.ReadAllText(jobs.Combine("gradebook.csv")));
        Assert.Equal(File.ReadAllText(_output.Combine("gradebook.json")), File.ReadAllText(jobs.Combine("gradebook.json")));
    }

    [Fact]
    public async Task A_week_still_open_when_collected_is_in_progress()
    {
        using var output = new TempDirectory();

        var result = await EvidenceCli.RunAsync(new FakeTimeProvider(CourseScenario.At(2, 12, month: 4)), "build", "--config", _course.Config, "--all-weeks", "--team", "kopi", "--no-cache", "--out", output.Path);

        Assert.Equal(0, result.ExitCode);
        var rows = ReadCsv(output.Combine("kopi", "gradebook.csv"));
        Assert.Equal(["complete", "in-progress", "complete", "in-progress"], rows.Select(r => r["status"]));
    }

    /// <summary>The CSV as a spreadsheet reads it: the header, then each record by column name.</summary>
    internal static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var csv = CsvReader.FromText(File.ReadAllText(path), CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
        var headers = csv.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(headers.Select((h, i) => (h, csv.GetString(i) ?? "")).ToDictionary(p => p.h, p => p.Item2));
        }

        return rows;
    }
}
