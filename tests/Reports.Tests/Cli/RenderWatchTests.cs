using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Reports.Cli;
using Reports.Model;
using Reports.Tests.Support;
using Xunit.Abstractions;

namespace Reports.Tests.Cli;

/// <summary><c>evidence render --watch</c>: the student's preview loop, offline, a save of the notes shown on the page at once.</summary>
public sealed class RenderWatchTests(ITestOutputHelper log)
{
    [Fact]
    public async Task A_saved_notes_file_is_on_the_page_again_within_moments_and_Ctrl_C_stops_the_watch()
    {
        using var work = new TempDirectory();
        var snapshot = work.Write("week.json", SnapshotSerializer.Serialize(Snapshots.Sample()));
        var notes = work.Write("notes/sprint-2-week-1.md", "## Reviews\n\nFirst draft.\n");
        work.Write("evidence.yml", "student: { username: abhipraya }\ngitlab: { url: https://gitlab.example.com, projects: [ppl/sira] }\n");
        var report = work.Combine("output", "sprint-2-week-1", "report.md");
        var output = new LockedWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var run = EvidenceCommand.RunAsync(
            ["render", "--snapshot", snapshot, "--config", work.Combine("evidence.yml"), "--watch"],
            new InvocationConfiguration { Output = output, Error = new LockedWriter() }, TimeProvider.System, stop.Token);
        await Until(() => output.Text.Contains("watching ", StringComparison.Ordinal), "the watch to start");
        Assert.Contains("First draft.", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Contains("the page: file://", output.Text, StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        File.WriteAllText(notes, "## Reviews\n\nSecond draft.\n");
        await Until(() => File.Exists(report) && File.ReadAllText(report).Contains("Second draft.", StringComparison.Ordinal), "the page to show the saved notes");
        log.WriteLine($"saved notes on the page after {clock.ElapsedMilliseconds} ms; {output.Text.Split('\n').LastOrDefault(l => l.StartsWith("rendered in", StringComparison.Ordinal))}");

        // Generous for a busy 2-core machine; the render itself is printed ("rendered in N ms").
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the page showed the saved notes after {clock.ElapsedMilliseconds} ms");
        await stop.CancelAsync();
        await run;
        Assert.Contains("rendered in ", output.Text, StringComparison.Ordinal);
        Assert.EndsWith("stopped watching\n", output.Text, StringComparison.Ordinal);
    }

    private static async Task Until(Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"waited a minute for {what}");
            await Task.Delay(10);
        }
    }

    /// <summary>Output read by the test while the watch writes it from another thread.</summary>
    private sealed class LockedWriter : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_text)
            {
                _text.Append(buffer, index, count);
            }
        }
    }
}
