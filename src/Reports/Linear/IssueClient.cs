using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Reports.Linear;

/// <summary>Issues: candidates changed since an instant, their histories in batches, and issues by identifier.</summary>
internal sealed partial class IssueClient
{
    /// <summary>Issues per history request: 10 issues × 50 entries stays under Linear's 10,000-point complexity limit.</summary>
    public const int HistoryBatchSize = 10;

    /// <summary>Numbers per <c>number: { in: […] }</c> request, one page of 50.</summary>
    public const int NumberBatchSize = 50;

    private readonly LinearConnection _connection;

    internal IssueClient(LinearConnection connection) => _connection = connection;

    /// <summary>
    /// Issues of the teams with these keys that were created or changed at or after
    /// <paramref name="since"/> (archived ones included), most recently created first, without
    /// history; fetched 50 per page as enumerated.
    /// </summary>
    public IAsyncEnumerable<LinearIssue> ListChangedSinceAsync(IEnumerable<string> teamKeys, DateTimeOffset since, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(teamKeys);
        var variables = new Dictionary<string, object?>
        {
            ["teamKeys"] = teamKeys.ToArray(),
            ["since"] = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        return _connection.PageAsync(LinearQueries.CandidateIssues, variables, "issues", LinearLists.Issues, ct);
    }

    /// <summary>
    /// The whole history of each issue (by id), asking for <see cref="HistoryBatchSize"/> issues per
    /// request and following up one issue at a time only where its history has more than one page.
    /// Results come in the order of <paramref name="issueIds"/>; an id Linear does not know is skipped.
    /// </summary>
    public async IAsyncEnumerable<LinearIssueHistory> ListHistoriesAsync(IEnumerable<string> issueIds, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        foreach (var batch in issueIds.Distinct(StringComparer.Ordinal).Chunk(HistoryBatchSize))
        {
            var page = await _connection.QueryAsync<LinearPage<IssueHistoryNode?>>(
                LinearQueries.IssueHistoryBatch, new Dictionary<string, object?> { ["ids"] = batch }, "issues", ct);
            var byId = new Dictionary<string, IssueHistoryNode>(StringComparer.Ordinal);
            foreach (var node in _connection.Nodes(LinearQueries.IssueHistoryBatch, "data.issues", page.Nodes, LinearLists.Histories))
            {
                // An issue answered twice in one batch is the same issue: the first is kept.
                byId.TryAdd(node.Id, node);
            }

            foreach (var id in batch)
            {
                if (byId.TryGetValue(id, out var node))
                {
                    yield return await CompleteAsync(node, ct);
                }
            }
        }
    }

    /// <summary>
    /// The issues with these identifiers (<c>SIRA-125</c>), asked for by team key and number since
    /// Linear cannot filter on identifiers; identifiers Linear does not know are left out.
    /// </summary>
    public async IAsyncEnumerable<LinearIssue> ListByIdentifiersAsync(IEnumerable<string> identifiers, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var byTeam = identifiers.Select(Parse).Distinct().GroupBy(p => p.TeamKey, StringComparer.Ordinal);
        foreach (var team in byTeam)
        {
            foreach (var numbers in team.Select(p => (double)p.Number).Chunk(NumberBatchSize))
            {
                var variables = new Dictionary<string, object?> { ["teamKey"] = team.Key, ["numbers"] = numbers };
                await foreach (var issue in _connection.PageAsync(LinearQueries.IssuesByNumber, variables, "issues", LinearLists.Issues, ct))
                {
                    yield return issue;
                }
            }
        }
    }

    /// <summary>
    /// The issues of the teams <paramref name="teamKeys"/> linked to one merge request, asked for in one
    /// request (more only past 50 issues): those with these <paramref name="identifiers"/> (named by the
    /// merge request) and those with an attachment whose URL is <paramref name="mergeRequestUrl"/>.
    /// Identifiers Linear does not know, or of other teams, are left out; the order is Linear's.
    /// </summary>
    public IAsyncEnumerable<LinearIssue> ListLinkedAsync(
        IEnumerable<string> teamKeys, IEnumerable<string> identifiers, string? mergeRequestUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(teamKeys);
        ArgumentNullException.ThrowIfNull(identifiers);
        var keys = teamKeys.Select(k => k.Trim().ToUpperInvariant()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            throw new ArgumentException("at least one team key is needed", nameof(teamKeys));
        }

        var links = identifiers.Select(Parse)
            .Where(p => keys.Contains(p.TeamKey, StringComparer.Ordinal))
            .GroupBy(p => p.TeamKey, StringComparer.Ordinal)
            .Select(team => (object)new Dictionary<string, object?>
            {
                ["team"] = new Dictionary<string, object?> { ["key"] = new Dictionary<string, object?> { ["eq"] = team.Key } },
                ["number"] = new Dictionary<string, object?> { ["in"] = team.Select(p => (double)p.Number).Distinct().ToArray() },
            })
            .ToList();
        if (!string.IsNullOrWhiteSpace(mergeRequestUrl))
        {
            links.Add(new Dictionary<string, object?>
            {
                ["attachments"] = new Dictionary<string, object?>
                {
                    ["some"] = new Dictionary<string, object?> { ["url"] = new Dictionary<string, object?> { ["eqIgnoreCase"] = mergeRequestUrl } },
                },
            });
        }

        if (links.Count == 0)
        {
            return AsyncEnumerable.Empty<LinearIssue>();
        }

        var filter = new Dictionary<string, object?>
        {
            ["and"] = new object[]
            {
                new Dictionary<string, object?> { ["team"] = new Dictionary<string, object?> { ["key"] = new Dictionary<string, object?> { ["in"] = keys } } },
                new Dictionary<string, object?> { ["or"] = links },
            },
        };
        return _connection.PageAsync(LinearQueries.LinkedIssues, new Dictionary<string, object?> { ["filter"] = filter }, "issues", LinearLists.Issues, ct);
    }

    /// <summary>
    /// The rest of one issue's history after the batch's first page, one page at a time; a cursor
    /// given twice or a walk past the ceiling fails it. An entry on two pages is kept once.
    /// </summary>
    private async Task<LinearIssueHistory> CompleteAsync(IssueHistoryNode node, CancellationToken ct)
    {
        var operation = LinearQueries.IssueHistoryPage;
        var entries = new List<LinearHistoryEntry>(node.History!.Nodes);
        var walk = _connection.Walk();
        if (walk.Follow(node.History.PageInfo, "data.issues.nodes[*].history.pageInfo") is { } first)
        {
            throw _connection.BadAnswer(LinearQueries.IssueHistoryBatch, first);
        }

        while (walk.Cursor is { } cursor)
        {
            var more = await _connection.QueryAsync<IssueHistoryNode>(
                operation, new Dictionary<string, object?> { ["id"] = node.Id, ["after"] = cursor }, "issue", ct);
            entries.AddRange(_connection.Nodes(operation, "data.issue.history", more.History?.Nodes, LinearLists.Entries));
            if (walk.Follow(more.History?.PageInfo, "data.issue.history.pageInfo") is { } problem)
            {
                throw _connection.BadAnswer(operation, problem);
            }
        }

        return new LinearIssueHistory(node.Id, node.Identifier, [.. LinearLists.Entries.Once(entries)]);
    }

    private static (string TeamKey, int Number) Parse(string identifier)
    {
        var match = IdentifierRegex().Match(identifier ?? "");
        if (!match.Success)
        {
            throw new ArgumentException($"'{identifier}' is not a Linear issue identifier such as SIRA-125", nameof(identifier));
        }

        return (match.Groups[1].Value.ToUpperInvariant(), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z0-9_]*)-([0-9]{1,9})\s*$")]
    private static partial Regex IdentifierRegex();
}
