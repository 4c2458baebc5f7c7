namespace Reports.Tests.Analysis.Reviews;

/// <summary>One expected fenced block of a corpus comment.</summary>
public sealed record ExpectedFix
{
    public string? Language { get; init; }

    public bool Suggestion { get; init; }

    public string? Range { get; init; }

    public string? CodeContains { get; init; }
}
