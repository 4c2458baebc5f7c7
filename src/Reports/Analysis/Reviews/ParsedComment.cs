using Reports.Model;

namespace Reports.Analysis.Reviews;

/// <summary>
/// What a review comment says about itself: its P-level (null when ungraded), its Conventional
/// Comments label and decorations, a one-line title, the prose without the label, and its fixes.
/// </summary>
internal sealed record ParsedComment
{
    /// <summary>Explicit P-level, else the review.levels entry of <see cref="Label"/>; null means ungraded.</summary>
    public Severity? Severity { get; init; }

    /// <summary>Conventional Comments label in lower case ("suggestion", "nitpick", "praise"…), if any.</summary>
    public string? Label { get; init; }

    /// <summary>Decorations such as "non-blocking" or "security", in order.</summary>
    public IReadOnlyList<string> Decorations { get; init; } = [];

    /// <summary>
    /// First prose line without P-level, label, heading marker and wrapping emphasis, trailing colon removed;
    /// the next non-empty line when the first held only markers; empty when the comment has no prose.
    /// </summary>
    public required string Title { get; init; }

    /// <summary>The comment's prose without its title line(s), fenced code blocks removed, LF line endings.</summary>
    public string Details { get; init; } = "";

    public IReadOnlyList<SuggestedFix> Fixes { get; init; } = [];

    public bool IsPraise => Label == "praise";
}
