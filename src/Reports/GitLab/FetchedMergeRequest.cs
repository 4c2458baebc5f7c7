using System.Globalization;
using Reports.Model;

namespace Reports.GitLab;

/// <summary>A merge request as listed, with all its discussions and commits: everything any student's rules read from it.</summary>
internal sealed record FetchedMergeRequest
{
    /// <summary>As listed; fields GitLab left out stay null.</summary>
    public required GitLabMergeRequest Raw { get; init; }

    /// <summary>How the report cites it: project path, title, author, link, merge.</summary>
    public required MergeRequestRef Reference { get; init; }

    public IReadOnlyList<GitLabDiscussion> Discussions { get; init; } = [];

    public IReadOnlyList<GitLabCommit> Commits { get; init; } = [];

    /// <summary>Who approved it, for a merge request merged in the window of a team's run; null when not read.</summary>
    public IReadOnlyList<GitLabUser>? ApprovedBy { get; init; }

    /// <param name="project">Full path of the project, e.g. <c>ppl/sira-backend</c>.</param>
    public static FetchedMergeRequest Create(
        string project, GitLabMergeRequest mr, IReadOnlyList<GitLabDiscussion> discussions, IReadOnlyList<GitLabCommit> commits, IReadOnlyList<GitLabUser>? approvedBy = null)
    {
        ArgumentNullException.ThrowIfNull(mr);
        return new FetchedMergeRequest
        {
            Raw = mr,
            Reference = new MergeRequestRef
            {
                Project = project,
                Iid = mr.Iid,
                Title = mr.Title ?? "",
                Author = ToPerson(mr.Author),
                WebUrl = mr.WebUrl ?? "",
                CreatedAt = mr.CreatedAt ?? DateTimeOffset.MinValue,
                MergedAt = mr.MergedAt,
                MergedBy = (mr.MergeUser ?? mr.MergedBy) is { } merger ? ToPerson(merger) : null,
                State = mr.State ?? "opened",
                SourceBranch = mr.SourceBranch,
                Description = mr.Description,
            },
            Discussions = discussions,
            Commits = commits,
            ApprovedBy = approvedBy,
        };
    }

    /// <summary><c>{webUrl}#note_{id}</c>: the link GitLab itself uses for a note.</summary>
    internal string NoteUrl(long noteId) => string.Create(CultureInfo.InvariantCulture, $"{Reference.WebUrl}#note_{noteId}");

    /// <summary>The project's web address, for commits GitLab sent without a <c>web_url</c>.</summary>
    internal string ProjectUrl()
    {
        var url = Reference.WebUrl;
        var cut = url.IndexOf("/-/merge_requests/", StringComparison.Ordinal);
        return cut < 0 ? url : url[..cut];
    }

    internal static Person ToPerson(GitLabUser? user) => new(user?.Username ?? "unknown", user?.Name);
}
