using System.Diagnostics;
using System.Globalization;
using Reports;
using Reports.Cli.Commands;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Pipeline;

/// <summary>
/// <c>week [--rounds 500]</c>: the bundled sample week analysed and rendered to its page over and over
/// on one thread, after as many rounds to warm up, so the figure is the steady cost of one report
/// (what a site build pays per page once its code is compiled) with the bytes it allocates.
/// </summary>
internal static class WeekBenchmark
{
    public static int Run(string[] args)
    {
        var rounds = SiteBenchmark.Option(args, "--rounds", 500);
        var snapshot = SnapshotSerializer.Deserialize(DemoCommand.ReadResource("demo/sample-snapshot.json"), "bundled sample");
        var notes = NotesParser.Parse(DemoCommand.ReadResource("demo/sample-notes.md"));
        var generator = new ReportGenerator(new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory)), ConfigSchema.Review.DefaultLevels);

        for (var i = 0; i < rounds; i++)
        {
            generator.Render(snapshot, notes);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            generator.Render(snapshot, notes);
        }

        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one week analysed and rendered, warm, one thread: {clock.Elapsed.TotalMilliseconds / rounds:F2} ms, {allocated / rounds / 1024} KB allocated ({rounds} rounds)"));
        return 0;
    }
}
