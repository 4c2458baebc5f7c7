namespace Reports.Notes;

/// <summary>
/// Something in a notes file that is read but is likely a mistake (a numbered heading, two headings with
/// one id, a merge request the week does not have): the run goes on, and the command prints
/// <c>warning: {file}:{line}: {message}</c>.
/// </summary>
/// <param name="File">The notes file, or null for notes given as text.</param>
/// <param name="Line">The line, from 1.</param>
internal sealed record NotesWarning(string? File, int Line, string Message)
{
    public override string ToString() => $"{File ?? "notes"}:{Line}: {Message}";
}
