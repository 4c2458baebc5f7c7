using Reports.Model;

namespace Reports.Tests.Analysis.Reviews;

/// <summary>The expected parse of one corpus comment, read from <c>NNN-name.expected.json</c>.</summary>
public sealed record CorpusExpectation
{
    public string? Severity { get; init; }

    public string? Label { get; init; }

    public IReadOnlyList<string> Decorations { get; init; } = [];

    public required string Title { get; init; }

    public IReadOnlyList<ExpectedFix> Fixes { get; init; } = [];

    /// <summary>review.levels for this case; the config default ({nitpick: P3}) when absent.</summary>
    public Dictionary<string, string>? Levels { get; init; }

    /// <summary>Exact details, when the case pins them.</summary>
    public string? Details { get; init; }

    public IReadOnlyList<string> DetailsContains { get; init; } = [];
}
