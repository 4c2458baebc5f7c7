namespace Reports.Analysis.Reviews;

/// <summary>
/// What a review comment says about itself: its P-level (null when ungraded), its Conventional
/// Comments label and decorations, a one-line title, the prose without the label, and its fixes.
/// </summary>
public sealed record ParsedComment
{
    public Severity? Severity { get; init; }

    /// <summary>Conventional Comments label in lower case ("suggestion", "nitpick", "praise"…), if any.</summary>
    public string? Label { get; init; }

    /// <summary>Decorations such as "non-blocking" or "security", in order.</summary>
    public IReadOnlyList<string> Decorations { get; init; } = [];

    /// <summary>First line of the comment without label and emphasis.</summary>
    public required string Title { get; init; }

    /// <summary>The comment after its title line, fenced code blocks removed.</summary>
    public string Details { get; init; } = "";

    public IReadOnlyList<SuggestedFix> Fixes { get; init; } = [];

    public bool IsPraise => Label == "praise";
}
