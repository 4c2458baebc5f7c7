using Reports.Notes;

namespace Reports.Tests.Notes;

/// <summary>Which headings of the notes open a section, read from the Markdig tree the page is rendered from.</summary>
public sealed class NoteHeadingTests
{
    [Fact]
    public void Explicit_id_may_sit_among_other_attributes_and_is_read_in_lower_case()
    {
        var notes = NotesParser.Parse("## What my reviews changed {#Impact .wide}\n\ntext");

        Assert.Equal("text", notes.Impact);
        Assert.Empty(notes.Extra);
    }

    [Fact]
    public void Section_id_is_the_documented_slug_of_the_heading_as_written_not_markdigs_identifier()
    {
        var notes = NotesParser.Parse("## 2nd week: *what* went wrong ##\n\ntext");

        Assert.Equal(new NoteSection("2nd-week-what-went-wrong", "2nd week: *what* went wrong", "text"), Assert.Single(notes.Extra));
    }

    [Fact]
    public void Hash_line_in_a_fence_before_the_first_section_is_code_not_the_file_title()
    {
        var notes = NotesParser.Parse("# Week 1\n\n```bash\n# deploy\n```\n\n## Reviews\n\nR.");

        Assert.Equal("```bash\n# deploy\n```", notes.Overview);
    }

    [Fact]
    public void Headings_in_a_list_item_a_quote_or_a_tilde_fence_and_setext_headings_are_not_sections()
    {
        const string body = "- item\n  ## Planning\n\n> ## Merges\n\n~~~\n## Tickets\n~~~\n\nAutomation\n---";

        var notes = NotesParser.Parse("## Reviews\n\n" + body);

        Assert.Equal(body, notes.Reviews);
        Assert.All(new[] { notes.Planning, notes.Merges, notes.Tickets, notes.Automation }, Assert.Null);
        Assert.Empty(notes.Extra);
    }
}
