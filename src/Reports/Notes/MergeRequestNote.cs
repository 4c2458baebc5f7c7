namespace Reports.Notes;

/// <summary>
/// The student's words about one merge request, written under a <c>### !109</c> (or <c>### !109 Title</c>)
/// subheading of a notes section: they attach to that merge request where the section lists it.
/// </summary>
/// <param name="Section">The id of the section the subheading is under.</param>
/// <param name="Project">The project path written before the <c>!</c> (<c>ppl/sira-backend!109</c>), or null for any project.</param>
/// <param name="Iid">The merge request's number in its project.</param>
/// <param name="Title">The title written after the number, the student's inline Markdown, or null for none.</param>
/// <param name="Markdown">The text under the subheading up to the next heading of level 3 or less.</param>
/// <param name="Line">The subheading's line in the notes file, from 1.</param>
internal sealed record MergeRequestNote(string Section, string? Project, int Iid, string? Title, string Markdown, int Line)
{
    /// <summary>"!109", or "ppl/sira-backend!109" when the project was written.</summary>
    public string Reference => Project is null ? $"!{Iid}" : $"{Project}!{Iid}";
}
