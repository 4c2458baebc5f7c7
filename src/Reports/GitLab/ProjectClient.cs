namespace Reports.GitLab;

/// <summary><c>/projects</c>.</summary>
internal sealed class ProjectClient
{
    private readonly GitLabConnection _connection;

    internal ProjectClient(GitLabConnection connection) => _connection = connection;

    /// <summary>A project by numeric id or full path (<c>ppl/sira-backend</c>).</summary>
    public Task<GitLabProject> GetAsync(string project, CancellationToken ct = default) =>
        _connection.GetAsync<GitLabProject>($"projects/{ProjectPath.Encode(project)}", NotFound(_connection, project), ct);

    /// <summary>The project's members, inherited ones included (<c>/members/all</c>), 100 per page as enumerated.</summary>
    public IAsyncEnumerable<GitLabUser> ListMembersAsync(string project, CancellationToken ct = default) =>
        _connection.GetPagedAsync<GitLabUser>($"projects/{ProjectPath.Encode(project)}/members/all", NotFound(_connection, project), ct);

    internal static string NotFound(GitLabConnection connection, string project) =>
        $"project '{project}' not found at {connection.Instance}";
}
