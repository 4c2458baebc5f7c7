namespace Reports.Analysis.Reviews;

/// <summary>A fenced code block in a finding; <see cref="IsSuggestion"/> for GitLab <c>```suggestion</c> blocks.</summary>
public sealed record SuggestedFix(string? Language, string Code, bool IsSuggestion = false);
