using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Reports;
using Reports.Cli.Commands;
using Reports.Cli.Demo;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site;
using Reports.Pipeline;

/// <summary>
/// The site benchmark: a team of 50 students × 14 weeks (700 reports, each the bundled sample week
/// with its notes, shared out as <c>evidence demo --team</c> does) rendered from snapshot files in
/// one process and written as a team site, beside Debian's <c>hugo</c> building the same 700
/// reports' Markdown with a minimal layout. Each build runs as its own process, in turn, so both
/// pay their start-up; wall time is read around the process, peak RSS is the kernel's high-water
/// mark of the process (<c>VmHWM</c>).
/// </summary>
/// <remarks>
/// <c>site</c> prepares a folder and runs the rounds; <c>site-build SNAPSHOTS OUT</c> is the timed
/// build on its own, which is also what an outside timer (<c>/usr/bin/time -v</c>) can run.
/// </remarks>
internal static class SiteBenchmark
{
    private const string TeamFile = "team.tsv";

    public static int Run(string[] args)
    {
        var students = Option(args, "--students", 50);
        var weeks = Option(args, "--weeks", 14);
        var rounds = Option(args, "--rounds", 3);
        var folder = Directory.CreateTempSubdirectory("evidence-site-bench-").FullName;
        try
        {
            var count = Prepare(folder, students, weeks);
            var (snapshots, hugo) = (Path.Combine(folder, "snapshots"), Path.Combine(folder, "hugo"));

            Console.WriteLine($"site of {students} students × {weeks} weeks = {count} reports, {Environment.ProcessorCount} cores");
            Console.WriteLine("round build      wall ms   reports/s   peak RSS MB");
            var self = Assembly.GetExecutingAssembly().Location;

            // One untimed run of each first: the prepared files are still being written back to disk, which
            // slows an evidence run straight after by about a second (its commit flushes what it writes;
            // measured with and without `sync` before it), and neither program has started here yet.
            Time("dotnet", ["exec", self, "site-build", snapshots, Path.Combine(folder, "site-0")]);
            Time("hugo", ["--quiet", "--source", hugo, "--destination", Path.Combine(folder, "hugo-0")]);
            for (var round = 1; round <= rounds; round++)
            {
                var output = Path.Combine(folder, $"site-{round}");
                Row(round, "evidence", count, Time("dotnet", ["exec", self, "site-build", snapshots, output]));
                Row(round, "hugo", count, Time("hugo", ["--quiet", "--source", hugo, "--destination", Path.Combine(folder, $"hugo-{round}")]));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// <c>site-build SNAPSHOTS OUT</c>: the team listed in SNAPSHOTS/team.tsv, each student's snapshots and notes
    /// in SNAPSHOTS/{username}/, rendered into a team site at OUT. A student's files are read when the site
    /// writer asks for that student, so only a few students' weeks are in memory at a time.
    /// </summary>
    public static int Build(string snapshots, string output)
    {
        var students = File.ReadLines(Path.Combine(snapshots, TeamFile))
            .Select(line => line.Split('\t'))
            .Select(fields => new Person(fields[0], fields[1] is "" ? null : fields[1]))
            .ToList();
        var weeks = students.Select(student => (IReadOnlyList<(Snapshot, NarrativeNotes)>)Directory
            .GetFiles(Path.Combine(snapshots, student.Username), "*.json")
            .Order(StringComparer.Ordinal)
            .AsParallel()
            .AsOrdered()
            .Select(path => (SnapshotSerializer.Load(path), NotesParser.Load(Path.ChangeExtension(path, ".md"))))
            .ToList());
        var generator = new ReportGenerator(new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory)), ConfigSchema.Review.DefaultLevels);
        generator.RenderAndWriteByStudent(weeks, output, SiteLayout.Team(students), new SiteConfig());
        return 0;
    }

    /// <summary>
    /// <c>site-prepare FOLDER [--students 50] [--weeks 14]</c>: writes <c>FOLDER/snapshots/team.tsv</c> (username and name a line),
    /// <c>FOLDER/snapshots/{username}/sprint-S-week-W.json</c>
    /// and <c>.md</c> (the demo team's pattern over more students and weeks, every week with the sample's notes) and
    /// <c>FOLDER/hugo/</c>, a Hugo site of the same reports' Markdown.
    /// </summary>
    /// <returns>How many reports.</returns>
    public static int Prepare(string folder, int studentCount, int weekCount)
    {
        var snapshots = Path.Combine(folder, "snapshots");
        var sample = SnapshotSerializer.Deserialize(DemoCommand.ReadResource("demo/sample-snapshot.json"), "bundled sample");
        var notesText = DemoCommand.ReadResource("demo/sample-notes.md");
        var notes = NotesParser.Parse(notesText);
        var students = Enumerable.Range(0, studentCount)
            .Select(i => i == 0 ? sample.Student : new Person($"student{i:00}", $"Student {i:00}"))
            .ToList();
        var windows = Enumerable.Range(0, weekCount).Select(w => (Sprint: 1 + (w / 2), Week: 1 + (w % 2))).ToList();
        Directory.CreateDirectory(snapshots);
        File.WriteAllLines(Path.Combine(snapshots, TeamFile), students.Select(s => $"{s.Username}\t{s.Name}"));
        var count = 0;
        foreach (var (snapshot, _) in DemoTeam.Weeks(sample, notes, students, windows))
        {
            var path = Path.Combine(snapshots, snapshot.Student.Username, snapshot.Window.Slug + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, SnapshotSerializer.Serialize(snapshot));
            File.WriteAllText(Path.ChangeExtension(path, ".md"), notesText);
            count++;
        }

        // The Hugo site holds the reports evidence writes, so both build the same Markdown.
        var reference = Path.Combine(folder, "reference");
        Build(snapshots, reference);
        HugoSite(reference, Path.Combine(folder, "hugo"));
        Directory.Delete(reference, recursive: true);
        return count;
    }

    // A minimal Hugo site: one template printing title and content; no taxonomies, RSS or sitemap.
    internal static void HugoSite(string reference, string hugo)
    {
        Directory.CreateDirectory(Path.Combine(hugo, "layouts", "_default"));
        File.WriteAllText(Path.Combine(hugo, "hugo.toml"), """
            baseURL = "https://example.invalid/"
            title = "evidence benchmark"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404", "robotsTXT"]
            """);
        File.WriteAllText(Path.Combine(hugo, "layouts", "_default", "single.html"),
            "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n");
        foreach (var report in Directory.EnumerateFiles(reference, "report.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(reference, Path.GetDirectoryName(report)!);
            var page = Path.Combine(hugo, "content", relative + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(page)!);
            var markdown = File.ReadAllText(report);
            var title = markdown.Split('\n', 2)[0].TrimStart('#', ' ').Replace("'", "''", StringComparison.Ordinal);
            File.WriteAllText(page, $"---\ntitle: '{title}'\n---\n{markdown}");
        }
    }

    private static (TimeSpan Wall, long PeakBytes) Time(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(5))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }

        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {output.Result}{error.Result}");
        }

        return (clock.Elapsed, peak);
    }

    // VmHWM of a running process, in bytes (0 once it has gone).
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static void Row(int round, string build, int reports, (TimeSpan Wall, long PeakBytes) run) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{round,5} {build,-9} {run.Wall.TotalMilliseconds,8:0} {reports / run.Wall.TotalSeconds,11:0} {run.PeakBytes / 1048576.0,13:0}"));

    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
