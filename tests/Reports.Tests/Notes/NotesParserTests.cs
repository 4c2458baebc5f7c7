using Reports.Notes;
using Reports.Tests.Support;

namespace Reports.Tests.Notes;

public sealed class NotesParserTests
{
    [Theory]
    [InlineData("## Overview\n\ntext", "overview")]
    [InlineData("## Reviews\n\ntext", "reviews")]
    [InlineData("## merges\n\ntext", "merges")]
    [InlineData("## Contributions ##\n\ntext", "contributions")]
    [InlineData("## Review Impact {#impact}\n\ntext", "impact")]
    [InlineData("## Impact\n\ntext", "impact")]
    [InlineData("## Tickets\n\ntext", "tickets")]
    [InlineData("## Planning\n\ntext", "planning")]
    [InlineData("## Automation\n\ntext", "automation")]
    public void Heading_whose_id_is_a_section_id_fills_that_section(string markdown, string id)
    {
        var notes = NotesParser.Parse(markdown);

        var sections = new Dictionary<string, string?>
        {
            ["overview"] = notes.Overview,
            ["reviews"] = notes.Reviews,
            ["merges"] = notes.Merges,
            ["contributions"] = notes.Contributions,
            ["impact"] = notes.Impact,
            ["tickets"] = notes.Tickets,
            ["planning"] = notes.Planning,
            ["automation"] = notes.Automation,
        };
        Assert.Equal("text", sections[id]);
        Assert.All(sections.Where(s => s.Key != id), s => Assert.Null(s.Value));
        Assert.Empty(notes.Extra);
    }

    [Fact]
    public void Unknown_headings_are_kept_as_extra_sections_in_file_order()
    {
        var notes = NotesParser.Parse("## Lessons learned\n\nOne.\n\n## Reviews\n\nR.\n\n## Next week\n\n- plan\n");

        Assert.Equal("R.", notes.Reviews);
        Assert.Equal(
            [new NoteSection("lessons-learned", "Lessons learned", "One."), new NoteSection("next-week", "Next week", "- plan")],
            notes.Extra);
    }

    [Fact]
    public void Text_before_the_first_heading_opens_the_overview_and_the_file_title_is_dropped()
    {
        var notes = NotesParser.Parse("# Sprint 2, Week 1 notes\n\nIntro.\n\n## Overview\n\nMore.\n");

        Assert.Equal("Intro.\n\nMore.", notes.Overview);
    }

    [Fact]
    public void Heading_inside_a_code_fence_is_not_a_section()
    {
        var notes = NotesParser.Parse("## Reviews\n\n```md\n## Planning\n```\n\nafter\n");

        Assert.Equal("```md\n## Planning\n```\n\nafter", notes.Reviews);
        Assert.Null(notes.Planning);
    }

    [Fact]
    public void Deeper_headings_stay_inside_their_section()
    {
        var notes = NotesParser.Parse("## Reviews\n\n### On !109\n\ntext\r\n");

        Assert.Equal("### On !109\n\ntext", notes.Reviews);
    }

    [Fact]
    public void Guidance_comments_and_empty_sections_leave_nothing_behind()
    {
        var notes = NotesParser.Parse("<!-- write here\n -->\n\n## Overview\n\n## Reviews\n");

        Assert.Null(notes.Overview);
        Assert.Null(notes.Reviews);
    }

    [Fact]
    public void Missing_notes_file_gives_empty_notes()
    {
        Assert.Same(NarrativeNotes.Empty, NotesParser.Load("/nonexistent/notes/sprint-1-week-1.md"));
    }

    [Fact]
    public void Loading_notes_never_writes_to_the_file()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("notes/sprint-2-week-1.md", "## Reviews\n\nmine\n");
        var before = File.GetLastWriteTimeUtc(path);
        File.SetAttributes(path, FileAttributes.ReadOnly);

        var notes = NotesParser.Load(path);

        Assert.Equal("mine", notes.Reviews);
        Assert.Equal(before, File.GetLastWriteTimeUtc(path));
        Assert.Equal("## Reviews\n\nmine\n", File.ReadAllText(path));
    }
}
