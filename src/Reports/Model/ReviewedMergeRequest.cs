namespace Reports.Model;

/// <summary>A teammate's merge request and what the student wrote on it in the window.</summary>
internal sealed record ReviewedMergeRequest
{
    public required MergeRequestRef MergeRequest { get; init; }

    /// <summary>Resolvable discussion threads the student started (findings and <c>praise:</c> threads).</summary>
    public IReadOnlyList<ReviewThread> Threads { get; init; } = [];

    /// <summary>The student's stand-alone notes: review summaries, which may list positives.</summary>
    public IReadOnlyList<Note> SummaryNotes { get; init; } = [];

    /// <summary>The student's replies in threads others started.</summary>
    public IReadOnlyList<Note> Replies { get; init; } = [];
}
