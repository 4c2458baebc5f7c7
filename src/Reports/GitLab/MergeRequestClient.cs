using System.Globalization;

namespace Reports.GitLab;

/// <summary><c>/projects/:id/merge_requests</c> and what hangs off one merge request.</summary>
internal sealed class MergeRequestClient
{
    private readonly GitLabConnection _connection;

    internal MergeRequestClient(GitLabConnection connection) => _connection = connection;

    /// <summary>Merge requests of a project, newest first, fetched 100 per page as enumerated.</summary>
    public IAsyncEnumerable<GitLabMergeRequest> ListAsync(string project, MergeRequestQuery? query = null, CancellationToken ct = default)
    {
        var parameters = new List<string>();
        query ??= new MergeRequestQuery();
        Add(parameters, "state", query.State);
        Add(parameters, "updated_after", query.UpdatedAfter);
        Add(parameters, "updated_before", query.UpdatedBefore);
        Add(parameters, "created_after", query.CreatedAfter);
        Add(parameters, "created_before", query.CreatedBefore);
        Add(parameters, "author_username", query.AuthorUsername);
        Add(parameters, "order_by", query.OrderBy);
        Add(parameters, "sort", query.Sort);
        var path = $"projects/{ProjectPath.Encode(project)}/merge_requests";
        if (parameters.Count > 0)
        {
            path += "?" + string.Join('&', parameters);
        }

        return _connection.GetPagedAsync(path, ProjectClient.NotFound(_connection, project), GitLabLists.MergeRequests, ct);
    }

    /// <summary>One merge request with its full description (CI's <c>CI_MERGE_REQUEST_DESCRIPTION</c> may be cut short).</summary>
    public Task<GitLabMergeRequest> GetAsync(string project, int iid, CancellationToken ct = default) =>
        _connection.GetAsync<GitLabMergeRequest>(
            string.Create(CultureInfo.InvariantCulture, $"projects/{ProjectPath.Encode(project)}/merge_requests/{iid}"), NotFound(project, iid), ct);

    /// <summary>All discussions (threads and stand-alone notes, system notes included) of one merge request.</summary>
    public IAsyncEnumerable<GitLabDiscussion> ListDiscussionsAsync(string project, int iid, CancellationToken ct = default) =>
        _connection.GetPagedAsync(Of(project, iid, "discussions"), NotFound(project, iid), GitLabLists.Discussions, ct);

    public IAsyncEnumerable<GitLabCommit> ListCommitsAsync(string project, int iid, CancellationToken ct = default) =>
        _connection.GetPagedAsync(Of(project, iid, "commits"), NotFound(project, iid), GitLabLists.Commits, ct);

    public Task<GitLabApprovals> GetApprovalsAsync(string project, int iid, CancellationToken ct = default) =>
        _connection.GetAsync<GitLabApprovals>(Of(project, iid, "approvals"), NotFound(project, iid), ct);

    private static string Of(string project, int iid, string resource) =>
        string.Create(CultureInfo.InvariantCulture, $"projects/{ProjectPath.Encode(project)}/merge_requests/{iid}/{resource}");

    private string NotFound(string project, int iid) =>
        string.Create(CultureInfo.InvariantCulture, $"merge request !{iid} of project '{project}' not found at {_connection.Instance}");

    private static void Add(List<string> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    /// <summary>ISO 8601 with the offset; escaping sends <c>+</c> as <c>%2B</c>, which a raw query would turn into a space.</summary>
    private static void Add(List<string> parameters, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Add(parameters, name, v.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }
    }
}
