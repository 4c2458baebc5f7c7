namespace Reports.Notes;

/// <summary>
/// An image of the notes (<c>![alt](shot.png)</c>) whose file was found beside the notes and checked
/// (<see cref="NoteImages"/>): the site copies it beside the page, at <see cref="Path"/>.
/// </summary>
/// <param name="Url">The destination as written in the Markdown (after escapes), which the page keeps.</param>
/// <param name="Path">Where the file lies relative to the notes file's folder, with '/': where the copy goes relative to the page.</param>
/// <param name="Source">The file's full path on this machine.</param>
/// <param name="Line">The line of the image in the notes file, from 1.</param>
/// <param name="NotesFile">The notes file, for errors when the file changed before it was copied.</param>
internal sealed record NoteImage(string Url, string Path, [property: MachineSpecific] string Source, int Line, [property: MachineSpecific] string NotesFile);
