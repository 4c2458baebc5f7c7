using Reports.Model;
using Reports.Notes;

namespace Reports.Pipeline;

/// <summary>
/// Where a week's notes file is and reading it: a file that is not there gives no narrative and a
/// warning naming the path the week wanted, so a misnamed file (<c>sprint2-week1.md</c>) never goes unnoticed.
/// </summary>
internal static class WeekNotes
{
    /// <summary>The notes file of a window: <c>{notes}/sprint-2-week-1.md</c>, or <c>{notes}/{username}/sprint-2-week-1.md</c> for a team member.</summary>
    public static string PathOf(string notesDirectory, ReportWindow window, string? teamMember = null) =>
        teamMember is null
            ? Path.Combine(notesDirectory, window.Slug + ".md")
            : Path.Combine(notesDirectory, teamMember, window.Slug + ".md");

    /// <summary>
    /// The week's notes, or none with a warning when the file is missing. <paramref name="baseDirectory"/>
    /// is the folder paths are shown relative to (the config's), so the page says the same on every machine.
    /// </summary>
    public static NarrativeNotes Load(string notesDirectory, ReportWindow window, string? teamMember, string baseDirectory)
    {
        return Check(notesDirectory, window, teamMember, baseDirectory) is { } missing
            ? NarrativeNotes.Empty with { Missing = missing }
            : NotesParser.Load(PathOf(notesDirectory, window, teamMember));
    }

    /// <summary>The warning for a missing notes file, without reading the file when it is there; null when it is.</summary>
    public static ReportWarning? Check(string notesDirectory, ReportWindow window, string? teamMember, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(window);
        var path = PathOf(notesDirectory, window, teamMember);
        return File.Exists(path) ? null : Missing(window, teamMember, Shown(path, baseDirectory));
    }

    /// <summary>The warning for a week whose notes file <paramref name="shownPath"/> is not there.</summary>
    public static ReportWarning Missing(ReportWindow window, string? teamMember, string shownPath)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new ReportWarning(
            $"no notes file, so the report has none of the student's narrative; create it with 'evidence notes {WindowArguments(window)}{(teamMember is null ? "" : $" --student {teamMember}")}' (a file of another name is not read)")
        {
            File = shownPath,
        };
    }

    /// <summary>The window options that name <paramref name="window"/>: <c>--sprint 2 --week 1</c> or <c>--from … --to …</c>.</summary>
    public static string WindowArguments(ReportWindow window) =>
        window is { Sprint: { } sprint, Week: { } week }
            ? $"--sprint {sprint} --week {week}"
            : $"--from {window.Start:yyyy-MM-dd} --to {window.End:yyyy-MM-dd}";

    /// <summary><paramref name="path"/> relative to <paramref name="baseDirectory"/> with <c>/</c>, or as it is when it lies elsewhere.</summary>
    public static string Shown(string path, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
    }
}
