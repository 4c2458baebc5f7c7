namespace Reports.Model;

/// <summary>
/// Something that would make a report silently wrong, said once on standard error (<c>warning: …</c>)
/// and on the report page for its reader: an empty <c>student.emails</c>, a window with no activity,
/// a notes file that is missing or has a heading the report cannot place. Never changes the exit code.
/// </summary>
/// <param name="Text">One sentence that names the mistake and the fix; no secret, no absolute path, no clock.</param>
internal sealed record ReportWarning(string Text)
{
    /// <summary>The file the warning is about, as the user wrote or would write its path (e.g. <c>notes/sprint-2-week-1.md</c>).</summary>
    public string? File { get; init; }

    /// <summary>The line of <see cref="File"/>, from 1.</summary>
    public int? Line { get; init; }

    /// <summary>What <see cref="ToString"/> says, for templates.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Message => ToString();

    /// <summary><c>file:line: text</c>, <c>file: text</c> or the text alone, as compilers print a diagnostic.</summary>
    public override string ToString() => File is null ? Text : Line is { } line ? $"{File}:{line}: {Text}" : $"{File}: {Text}";
}
