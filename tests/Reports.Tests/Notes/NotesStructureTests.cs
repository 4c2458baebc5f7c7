using Reports.Notes;

namespace Reports.Tests.Notes;

/// <summary>The notes' section titles, their notes on one merge request, and the warnings for likely mistakes.</summary>
public sealed class NotesStructureTests
{
    [Fact]
    public void A_heading_with_an_explicit_id_gives_its_section_its_title()
    {
        var notes = NotesParser.Parse("## BDD Coverage Planning for the Team {#planning}\n\nAnalyzed.\n");

        Assert.Equal("Analyzed.", notes.Planning);
        Assert.Equal("BDD Coverage Planning for the Team", notes.Titles["planning"]);
    }

    [Theory]
    [InlineData("## Planning\n\nx")]
    [InlineData("## planning {#planning}\n\nx")]
    [InlineData("## {#planning}\n\nx")]
    public void A_heading_whose_text_merely_is_the_id_keeps_the_sections_own_title(string markdown)
    {
        var notes = NotesParser.Parse(markdown);

        Assert.Equal("x", notes.Planning);
        Assert.Empty(notes.Titles);
    }

    [Fact]
    public void A_merge_request_subheading_takes_its_text_out_of_the_section_up_to_the_next_subheading()
    {
        var notes = NotesParser.Parse(
            "## Reviews\n\nIntro.\n\n### !109 Blue/Green Deployment\n\nReviewed the deploy.\n\n#### Details\n\nkept\n\n### Lessons\n\nBack in the section.\n\n### ppl/sira-frontend!12\n\nFront.\n");

        Assert.Equal("Intro.\n\n### Lessons\n\nBack in the section.", notes.Reviews);
        Assert.Equal(
            [
                new MergeRequestNote("reviews", null, 109, "Blue/Green Deployment", "Reviewed the deploy.\n\n#### Details\n\nkept", 5),
                new MergeRequestNote("reviews", "ppl/sira-frontend", 12, null, "Front.", 17),
            ],
            notes.MergeRequests);
    }

    [Theory]
    [InlineData("### !104", null, 104, null)]
    [InlineData("### MR !104: Block Inactive Account Auth", null, 104, "Block Inactive Account Auth")]
    [InlineData("### !104 — Block auth", null, 104, "Block auth")]
    [InlineData("### ppl/sira-backend!104 Block", "ppl/sira-backend", 104, "Block")]
    public void A_merge_request_subheading_is_read_in_each_form_a_student_writes(string heading, string? project, int iid, string? title)
    {
        var note = Assert.Single(NotesParser.Parse($"## Contributions\n\n{heading}\n\ntext\n").MergeRequests);

        Assert.Equal((project, iid, title, "contributions"), (note.Project, note.Iid, note.Title, note.Section));
    }

    [Theory]
    [InlineData("### On !109")]
    [InlineData("### !109x")]
    [InlineData("#### !109")]
    public void Other_subheadings_stay_in_their_section(string heading)
    {
        var notes = NotesParser.Parse($"## Reviews\n\n{heading}\n\ntext\n");

        Assert.Empty(notes.MergeRequests);
        Assert.Equal($"{heading}\n\ntext", notes.Reviews);
    }

    [Fact]
    public void Notes_on_a_merge_request_before_any_section_belong_to_the_overview()
    {
        var note = Assert.Single(NotesParser.Parse("Intro.\n\n### !121\n\nMy own.\n").MergeRequests);

        Assert.Equal("overview", note.Section);
    }

    [Fact]
    public void A_numbered_heading_is_a_warning_naming_its_line()
    {
        var notes = NotesParser.Parse("## Reviews\n\nx\n\n## 5. BDD Coverage Planning\n\ny\n");

        var warning = Assert.Single(notes.Warnings);
        Assert.Equal(5, warning.Line);
        Assert.StartsWith("notes:5: the heading '5. BDD Coverage Planning' starts with a number", warning.ToString(), StringComparison.Ordinal);
        Assert.Contains("'## BDD Coverage Planning {#id}'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_headings_with_one_id_are_a_warning_and_the_second_continues_the_section()
    {
        var notes = NotesParser.Parse("## Reviews\n\none\n\n## Planning {#reviews}\n\ntwo\n");

        Assert.Equal("one\n\ntwo", notes.Reviews);
        var warning = Assert.Single(notes.Warnings);
        Assert.Equal(5, warning.Line);
        Assert.Contains("has the id 'reviews' of the heading on line 1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_count_the_lines_of_removed_comments()
    {
        var notes = NotesParser.Parse("<!-- guidance\nover\nthree lines -->\n## Reviews\n\nx <!-- a\nb --> y\n\n## 2. Merges\n");

        Assert.Equal(9, Assert.Single(notes.Warnings).Line);
    }

    [Fact]
    public void A_second_note_on_one_merge_request_in_a_section_is_a_warning_and_continues_the_first()
    {
        var notes = NotesParser.Parse("## Merges\n\n### !109 Deploy\n\na\n\n### !109 Other\n\nb\n");

        var note = Assert.Single(notes.MergeRequests);
        Assert.Equal(("Deploy", "a\n\nb"), (note.Title, note.Markdown));
        Assert.Contains("its title is not used", Assert.Single(notes.Warnings).Message, StringComparison.Ordinal);
    }
}
