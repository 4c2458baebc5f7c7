namespace Reports.Notify;

/// <summary>The outcome of one run: what was done, the note's body, and lines worth telling the user.</summary>
internal sealed record NotifyResult
{
    public required NotifyAction Action { get; init; }

    /// <summary>True when nothing was sent because of <c>--dry-run</c>; <see cref="Action"/> is then what would have been done.</summary>
    public bool DryRun { get; init; }

    /// <summary>The note as rendered (sent, or that would be sent).</summary>
    public required string Body { get; init; }

    /// <summary>The note written or found; null when none was (skipped, dry run of a new note).</summary>
    public long? NoteId { get; init; }

    /// <summary>e.g. <c>https://gitlab.example.com/ppl/sira/-/merge_requests/5#note_1234</c>.</summary>
    public string? NoteUrl { get; init; }

    /// <summary>The identifiers listed, in order.</summary>
    public required IReadOnlyList<string> Tickets { get; init; }

    /// <summary>
    /// Younger marked notes of the token's user deleted as duplicates of the kept one (left by runs that
    /// overlapped), or already deleted by a racing run; with <see cref="DryRun"/>, those that would be.
    /// </summary>
    public IReadOnlyList<long> RemovedDuplicates { get; init; } = [];

    /// <summary>Things the user should know: a marked note of another account left alone, a POST that failed but landed.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
