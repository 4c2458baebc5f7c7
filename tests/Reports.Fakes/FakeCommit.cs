namespace Reports.Fakes;

/// <summary>A commit of a merge request; dates keep their offset on the wire.</summary>
public sealed class FakeCommit
{
    public required string Sha { get; init; }

    public required string Title { get; set; }

    public string? Message { get; set; }

    public required string AuthorName { get; set; }

    public required string AuthorEmail { get; set; }

    public required DateTimeOffset AuthoredDate { get; set; }

    public DateTimeOffset? CommittedDate { get; set; }

    internal object ToJson(Uri baseUrl, FakeMergeRequest mr) => new
    {
        id = Sha,
        short_id = Sha[..8],
        created_at = FakeGitLab.Date(CommittedDate ?? AuthoredDate),
        parent_ids = new[] { "0000000000000000000000000000000000000000" },
        title = Title,
        message = Message ?? Title + "\n",
        author_name = AuthorName,
        author_email = AuthorEmail,
        authored_date = FakeGitLab.Date(AuthoredDate),
        committer_name = AuthorName,
        committer_email = AuthorEmail,
        committed_date = FakeGitLab.Date(CommittedDate ?? AuthoredDate),
        trailers = new { },
        web_url = $"{mr.Project.WebUrl(baseUrl)}/-/commit/{Sha}",
    };
}
