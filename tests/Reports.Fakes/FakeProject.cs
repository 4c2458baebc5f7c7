namespace Reports.Fakes;

/// <summary>A project in the fake's dataset, with its merge requests.</summary>
public sealed class FakeProject(long id, string path)
{
    public long Id { get; } = id;

    /// <summary>Full path, e.g. <c>ppl/sira-backend</c>.</summary>
    public string Path { get; } = path;

    public List<FakeMergeRequest> MergeRequests { get; } = [];

    /// <summary>Who <c>/members/all</c> lists, with their access level (10 guest … 50 owner).</summary>
    public List<(FakeUser User, int AccessLevel)> Members { get; } = [];

    internal string WebUrl(Uri baseUrl) => $"{baseUrl}{Path}";

    internal object ToJson(Uri baseUrl) => new
    {
        id = Id,
        name = Path.Split('/')[^1],
        path = Path.Split('/')[^1],
        path_with_namespace = Path,
        web_url = WebUrl(baseUrl),
        default_branch = "main",
    };
}
