using System.Globalization;
using Reports.Cli.Commands;
using Reports.Cli.Demo;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Pipeline;
using Reports.Rendering;
using Reports.Site;

/// <summary>
/// The course benchmark: <c>--teams</c> teams × <c>--students</c> students × <c>--weeks</c> weeks (100 × 5 × 14:
/// 7,000 student reports and 1,400 team weeks, with the course index, tutor views and grade books) rendered
/// from snapshot files in one process, as <c>build</c> writes a course. Timed by <c>farm-bench</c> or
/// <c>/usr/bin/time -v</c> around <c>course-build</c>; <c>course-prepare</c> also writes the Hugo site of
/// the same 7,000 reports' Markdown, for the comparison.
/// </summary>
internal static class CourseBenchmark
{
    private const string TeamFile = "team.tsv";
    private const string TeamWeekPrefix = "team-";

    /// <summary>
    /// <c>course-prepare FOLDER [--teams 100] [--students 5] [--weeks 14]</c>: FOLDER/snapshots/{team}/ holds the
    /// team's students (team.tsv: username, name, tutor a line), each student's week snapshots and notes in
    /// {username}/, and the team snapshot of each week (team-sprint-S-week-W.json); FOLDER/hugo the Hugo site.
    /// </summary>
    /// <returns>How many student reports.</returns>
    public static int Prepare(string folder, int teamCount, int studentCount, int weekCount)
    {
        var snapshots = Path.Combine(folder, "snapshots");
        var sample = SnapshotSerializer.Deserialize(DemoCommand.ReadResource("demo/sample-snapshot.json"), "bundled sample");
        var notesText = DemoCommand.ReadResource("demo/sample-notes.md");
        var notes = NotesParser.Parse(notesText);
        var windows = Enumerable.Range(0, weekCount).Select(w => (Sprint: 1 + (w / 2), Week: 1 + (w % 2))).ToList();
        var count = 0;
        for (var t = 0; t < teamCount; t++)
        {
            var team = Path.Combine(snapshots, $"team{t:000}");
            var students = Enumerable.Range(0, studentCount)
                .Select(i => i == 0 ? sample.Student with { } : new Person($"t{t:000}s{i}", $"Student {t:000}-{i}"))
                .ToList();
            Directory.CreateDirectory(team);
            File.WriteAllLines(Path.Combine(team, TeamFile), students.Select(s => $"{s.Username}\t{s.Name}\tTutor {t % 10}"));
            var weeks = DemoTeam.Weeks(sample, notes, students, windows);
            foreach (var (snapshot, _) in weeks)
            {
                var path = Path.Combine(team, snapshot.Student.Username, snapshot.Window.Slug + ".json");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, SnapshotSerializer.Serialize(snapshot));
                File.WriteAllText(Path.ChangeExtension(path, ".md"), notesText);
                count++;
            }

            foreach (var teamWeek in DemoTeam.TeamWeeks(weeks, students))
            {
                File.WriteAllText(Path.Combine(team, TeamWeekPrefix + teamWeek.Window.Slug + ".json"), TeamSnapshotSerializer.Serialize(teamWeek with { Team = $"team{t:000}" }));
            }
        }

        var reference = Path.Combine(folder, "reference");
        Build(snapshots, reference);
        SiteBenchmark.HugoSite(reference, Path.Combine(folder, "hugo"));
        Directory.Delete(reference, recursive: true);
        return count;
    }

    /// <summary>
    /// <c>course-build SNAPSHOTS OUT</c>: every team folder of SNAPSHOTS written as a course at OUT, one team at a
    /// time: a team's snapshots are read when the site writer comes to the team.
    /// </summary>
    public static int Build(string snapshots, string output)
    {
        var generator = new ReportGenerator(new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory)), ConfigSchema.Review.DefaultLevels);
        var teams = Directory.GetDirectories(snapshots).Order(StringComparer.Ordinal).Select(folder => Team(generator, folder));
        generator.RenderAndWriteCourse(teams, output, new SiteConfig(), title: null);
        return 0;
    }

    private static (SiteLayout Layout, IEnumerable<IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)>> Students, IReadOnlyList<TeamWeekPage> TeamWeeks) Team(ReportGenerator generator, string folder)
    {
        var lines = File.ReadLines(Path.Combine(folder, TeamFile)).Select(l => l.Split('\t')).ToList();
        var students = lines.Select(f => new Person(f[0], f[1])).ToList();
        var tutors = lines.ToDictionary(f => f[0], f => f[2]);
        var weeks = students.Select(student => (IReadOnlyList<(Snapshot Snapshot, NarrativeNotes Notes)>)[.. Directory
            .GetFiles(Path.Combine(folder, student.Username), "*.json")
            .Order(StringComparer.Ordinal)
            .AsParallel()
            .AsOrdered()
            .Select(path => (SnapshotSerializer.Load(path), NotesParser.Load(Path.ChangeExtension(path, ".md"))))]).ToList();
        var teamWeeks = Directory.GetFiles(folder, TeamWeekPrefix + "*.json").Order(StringComparer.Ordinal)
            .Select(path => TeamSnapshotSerializer.Deserialize(File.ReadAllText(path), path)).ToList();
        var pages = generator.TeamWeeks.Pages(teamWeeks, weeks.SelectMany(w => w).Select(w => w.Snapshot));
        return (SiteLayout.Team(students, Path.GetFileName(folder), tutors), weeks, pages);
    }

    public static string Describe(int teams, int students, int weeks) =>
        string.Create(CultureInfo.InvariantCulture, $"course of {teams} teams × {students} students × {weeks} weeks = {teams * students * weeks} reports and {teams * weeks} team weeks");
}
