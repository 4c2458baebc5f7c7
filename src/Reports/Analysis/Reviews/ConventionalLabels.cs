namespace Reports.Analysis.Reviews;

/// <summary>Labels of the Conventional Comments spec (conventionalcomments.org) plus the common "nit" shorthand.</summary>
internal static class ConventionalLabels
{
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "praise", "nitpick", "nit", "suggestion", "issue", "todo", "question", "thought",
        "chore", "note", "typo", "polish", "quibble",
    };
}
