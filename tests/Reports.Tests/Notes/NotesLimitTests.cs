using System.Diagnostics;
using System.Text;
using Reports.Model;
using Reports.Notes;
using Reports.Tests.Support;

namespace Reports.Tests.Notes;

/// <summary>A notes file is bounded (1 MiB), and reading it is linear in its length.</summary>
public sealed class NotesLimitTests
{
    [Fact]
    public void A_fifty_MB_notes_file_is_refused_before_it_is_read_with_one_line_naming_it()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("notes", "sprint-2-week-1.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024); // sparse: nothing is written, so only a read would cost
        }

        var error = Assert.Throws<EvidenceException>(() => NotesParser.Load(path));

        Assert.IsType<EvidenceException>(error); // exit 1: the user's input, not a local I/O failure
        Assert.Equal(
            $"notes '{path}' is 52,428,800 bytes, over the 1,048,576 bytes (1 MiB) a notes file may hold: shorten it, and link to long material (logs, pasted output) instead of pasting it",
            error.Message);
    }

    [Fact]
    public async Task Render_with_a_notes_file_over_the_limit_exits_1_with_one_line_naming_it_and_writes_no_report()
    {
        using var work = new TempDirectory();
        var snapshot = work.Write("week.json", SnapshotSerializer.Serialize(Snapshots.Sample()));
        var notes = work.Write("notes/sprint-2-week-1.md", "## Reviews\n\n" + new string('x', NotesParser.MaxBytes));
        work.Write("evidence.yml", "student: { username: abhipraya }\ngitlab: { url: https://gitlab.example.com, projects: [ppl/sira] }\n");

        var result = await EvidenceCli.RunAsync("render", "--snapshot", snapshot, "--config", work.Combine("evidence.yml"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains($"notes '{notes}' is 1,048,588 bytes, over the 1,048,576 bytes (1 MiB)", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.Combine("output")));
    }

    [Fact]
    public void A_notes_file_of_exactly_one_MiB_is_read()
    {
        using var folder = new TempDirectory();
        var text = "## Reviews\n\n" + new string('x', NotesParser.MaxBytes - "## Reviews\n\n".Length);
        var path = folder.Write("notes/sprint-2-week-1.md", text);
        Assert.Equal(NotesParser.MaxBytes, new FileInfo(path).Length);

        var notes = NotesParser.Load(path);

        Assert.Equal(NotesParser.MaxBytes - "## Reviews\n\n".Length, notes.Reviews!.Length);
    }

    /// <summary>
    /// Thousands of short sections, each with a "### Reviews" subheading: before the fix, finding a repeated
    /// section scanned every section, and Markdig tried each <c>reviews-N</c> id in turn: 43 s in this
    /// test on a busy 2-core machine, 1.8 to 3.6 s after (0.2 to 0.5 s in a Release build). The bound
    /// leaves room for a loaded CI machine and still catches the square.
    /// </summary>
    [Fact]
    public void A_MiB_of_notes_whose_headings_repeat_is_parsed_in_under_ten_seconds()
    {
        var text = new StringBuilder(NotesParser.MaxBytes + 1000);
        text.Append("# Sprint 2, Week 1 notes\n\n<!-- guidance for the student -->\n\n");
        var sections = 0;
        for (; text.Length < NotesParser.MaxBytes; sections++)
        {
            text.Append("## Topic ").Append(sections).Append("\n\n### Reviews\n\nReview ").Append(sections).Append(" asked for a test.\n\n");
            if (sections % 20 == 0)
            {
                text.Append("The author added one before merge; the `<!--` in the template stays, and **bold** text and a [link](https://example.com/")
                    .Append(sections).Append(") read as written.\n\n- a point\n- another point\n  - a nested one\n\n```csharp\nvar x = ")
                    .Append(sections).Append(";\n```\n\n");
            }
        }

        NotesParser.Parse("## Warm-up\n\nSo the clock measures parsing, not compiling the parser.\n");
        var fastest = TimeSpan.MaxValue;
        NarrativeNotes? notes = null;
        for (var run = 0; run < 2; run++)
        {
            // The faster of two runs, so a moment of a busy machine's load is not taken for the parser's time.
            var clock = Stopwatch.StartNew();
            notes = NotesParser.Parse(text.ToString());
            fastest = TimeSpan.FromTicks(Math.Min(fastest.Ticks, clock.Elapsed.Ticks));
        }

        Assert.Equal(sections, notes!.Extra.Count);
        Assert.Equal("### Reviews\n\nReview 7 asked for a test.", notes.Extra[7].Markdown);
        Assert.True(fastest < TimeSpan.FromSeconds(10), $"parsing 1 MiB of notes took {fastest.TotalSeconds:F1} s");
    }

    [Fact]
    public void Notes_nested_too_deeply_for_Markdig_are_refused_with_one_line_naming_the_file()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("notes/sprint-2-week-1.md", "## Reviews\n\n" + new string('>', 1000) + " quoted\n");

        var error = Assert.Throws<EvidenceException>(() => NotesParser.Load(path));

        Assert.Equal(
            $"notes '{path}' nest Markdown too deeply to read: nest quotes and lists less deeply, or close the brackets and emphasis of a long paragraph",
            error.Message);
    }

    [Theory]
    [InlineData("a <!-- b --> c", "a  c")]
    [InlineData("a <!-- b\n\nc --> d <!-- e --> f", "a  d  f")]
    [InlineData("a <!-- b <!-- c --> d", "a  d")]
    [InlineData("a <!--> b --> c", "a  c")]
    [InlineData("a `<!--` b", "a `<!--` b")]
    [InlineData("a <!-- b --> c <!-- d", "a  c <!-- d")]
    public void Comments_are_removed_up_to_their_first_close_and_an_unclosed_one_stays(string markdown, string kept)
    {
        Assert.Equal(kept, NotesParser.Parse("## Reviews\n\n" + markdown).Reviews);
    }
}
