using Reports.Model;

namespace Reports.Notes;

/// <summary>
/// Something in a notes file that is read but is likely a mistake (a numbered heading, two headings with
/// one id, a merge request the week does not have): the run goes on, and the command prints it with the
/// other warnings of the run as <c>warning: {file}:{line}: {message}</c>.
/// </summary>
internal static class NotesWarning
{
    /// <param name="file">The notes file, or null for notes given as text.</param>
    /// <param name="line">The line, from 1.</param>
    public static ReportWarning At(string? file, int line, string message) => new(message) { File = file ?? "notes", Line = line };
}
