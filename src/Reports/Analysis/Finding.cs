using Reports.Analysis.Reviews;
using Reports.Model;

namespace Reports.Analysis;

/// <summary>One review thread, read as a finding: its first note as parsed, and where and when it was posted.</summary>
internal sealed record Finding
{
    /// <summary>The thread's first note as <see cref="ReviewCommentParser"/> read it; the grade and text below are its.</summary>
    public ParsedComment Comment { get; init; } = new() { Title = "" };

    /// <summary>The comment's P-level; null when it carries no grade.</summary>
    public Severity? Level => Comment.Severity;

    /// <summary>"P0" … "P3", or null when ungraded: the text templates compare and show.</summary>
    public string? Severity
    {
        get => Comment.Severity?.ToString();
        // Settable, like Title, so a finding can be built without a note to parse (tests, samples).
        init => Comment = Comment with { Severity = value is null ? null : ParseLevel(value) };
    }

    public string? Label => Comment.Label;

    public IReadOnlyList<string> Decorations => Comment.Decorations;

    public string Title
    {
        get => Comment.Title;
        init => Comment = Comment with { Title = value };
    }

    /// <summary>The prose after the title line (Markdown as written, untrusted).</summary>
    public string Details => Comment.Details;

    public IReadOnlyList<SuggestedFix> Fixes => Comment.Fixes;

    public required string Url { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool Resolved { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Resolved no later than the merge request was merged.</summary>
    public bool AddressedBeforeMerge { get; init; }

    public string? FilePath { get; init; }

    public int? Line { get; init; }

    private static Severity ParseLevel(string text) =>
        Severities.TryParse(text, out var level) ? level : throw new ArgumentException($"'{text}' is not P0, P1, P2 or P3.", nameof(Severity));
}
