using Reports.Model;

namespace Reports.Analysis;

/// <summary>
/// The student's <c>### !109</c> note as the report places it: under the merge request where its section
/// lists it (its heading, its block, its row), or as a subsection of its own where the section does not.
/// </summary>
internal sealed record MergeRequestNoteView
{
    /// <summary>"!109" as the student wrote it, with the project when one was given.</summary>
    public required string Reference { get; init; }

    /// <summary>The title the student gave (their inline Markdown), which replaces the merge request's title where the note is shown; null for none.</summary>
    public string? Title { get; init; }

    /// <summary>The note's Markdown; templates see it marked as the student's, like other notes.</summary>
    public required string Text { get; init; }

    /// <summary>The note on one line, for a table row: line breaks folded, a table's <c>|</c> escaped; marked as the student's too.</summary>
    public required string Remark { get; init; }

    /// <summary>The merge request of the week's data it names, or null when there is none (a likely typo, warned about).</summary>
    public MergeRequestRef? MergeRequest { get; init; }

    /// <summary>The subheading's line in the notes file, from 1.</summary>
    public int Line { get; init; }
}
