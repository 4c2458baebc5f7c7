using Reports.Analysis.Reviews;

namespace Reports.Analysis;

/// <summary>One review thread, read as a finding.</summary>
public sealed record Finding
{
    /// <summary>"P0" … "P3", or null when the comment carries no grade.</summary>
    public string? Severity { get; init; }

    public string? Label { get; init; }

    public IReadOnlyList<string> Decorations { get; init; } = [];

    public required string Title { get; init; }

    /// <summary>The prose after the title line (Markdown as written, untrusted).</summary>
    public string Details { get; init; } = "";

    public IReadOnlyList<SuggestedFix> Fixes { get; init; } = [];

    public required string Url { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool Resolved { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Resolved no later than the merge request was merged.</summary>
    public bool AddressedBeforeMerge { get; init; }

    public string? FilePath { get; init; }

    public int? Line { get; init; }
}
