namespace Reports.Analysis.Reviews;

/// <summary>A fenced code block in a finding; <see cref="IsSuggestion"/> for GitLab <c>```suggestion</c> blocks.</summary>
internal sealed record SuggestedFix(string? Language, string Code, bool IsSuggestion = false)
{
    /// <summary>
    /// Line range of a GitLab suggestion as written after <c>suggestion:</c> (e.g. <c>-0+0</c>, <c>-2+1</c>);
    /// null for plain fences and for a bare <c>```suggestion</c>, which GitLab treats as <c>-0+0</c>.
    /// </summary>
    public string? SuggestionRange { get; init; }
}
