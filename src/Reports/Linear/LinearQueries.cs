using System.Text.RegularExpressions;

namespace Reports.Linear;

/// <summary>
/// The operations the client sends, read from the <c>Queries/*.graphql</c> files embedded in the
/// assembly; each file holds one operation named as the file, and the fragments it spreads
/// (<c>...IssueFields</c>) are appended from <c>Queries/Fragments/</c>.
/// </summary>
internal static partial class LinearQueries
{
    public static LinearOperation Viewer { get; } = Load(nameof(Viewer));

    public static LinearOperation UsersByEmail { get; } = Load(nameof(UsersByEmail));

    public static LinearOperation UsersByEmails { get; } = Load(nameof(UsersByEmails));

    public static LinearOperation Teams { get; } = Load(nameof(Teams));

    public static LinearOperation CandidateIssues { get; } = Load(nameof(CandidateIssues));

    public static LinearOperation IssuesByNumber { get; } = Load(nameof(IssuesByNumber));

    public static LinearOperation IssueHistoryBatch { get; } = Load(nameof(IssueHistoryBatch));

    public static LinearOperation IssueHistoryPage { get; } = Load(nameof(IssueHistoryPage));

    public static LinearOperation LinkedIssues { get; } = Load(nameof(LinkedIssues));

    public static IReadOnlyList<LinearOperation> All { get; } =
        [Viewer, UsersByEmail, UsersByEmails, Teams, CandidateIssues, IssuesByNumber, IssueHistoryBatch, IssueHistoryPage, LinkedIssues];

    /// <summary>Names of every embedded operation file, so a test can see none is left out of <see cref="All"/>.</summary>
    public static IEnumerable<string> EmbeddedNames => typeof(LinearQueries).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(QueryPrefix, StringComparison.Ordinal))
        .Select(n => n[QueryPrefix.Length..^".graphql".Length]);

    private const string QueryPrefix = "Reports.Linear.Queries.";

    private const string FragmentPrefix = "Reports.Linear.Fragments.";

    private static LinearOperation Load(string name)
    {
        var parts = new List<string> { Resource(QueryPrefix + name + ".graphql") };
        var included = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (Match spread in SpreadRegex().Matches(parts[i]))
            {
                var fragment = spread.Groups[1].Value;
                if (included.Add(fragment))
                {
                    parts.Add(Resource(FragmentPrefix + fragment + ".graphql"));
                }
            }
        }

        return new LinearOperation(name, string.Join('\n', parts));
    }

    private static string Resource(string name)
    {
        using var stream = typeof(LinearQueries).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the GraphQL file {name} is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A named fragment spread; <c>... on Type</c> is an inline fragment, not a name.</summary>
    [GeneratedRegex(@"\.\.\.\s*(?!on\b)([_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex SpreadRegex();
}
