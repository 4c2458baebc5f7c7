using System.Globalization;
using Reports.Http;

namespace Reports.GitLab;

/// <summary>
/// How the collector's GitLab lists tell their items apart, which items it cannot use, and which
/// lists' <c>X-Total</c> can be held against them: GitLab counts merge requests and commits as it
/// sends them, but counts discussions and notes before dropping those the token may not read (a
/// system note about a private project), so those lists may rightly come up short of their total.
/// </summary>
internal static class GitLabLists
{
    /// <summary>By iid, which addresses every per-MR request: a merge request without one is refused.</summary>
    public static ListedItems<GitLabMergeRequest> MergeRequests { get; } = new(
        mr => mr.Iid.ToString(CultureInfo.InvariantCulture),
        mr => mr.Iid > 0 ? null : " has no iid",
        totalled: true);

    /// <summary>By id; a null note inside a discussion is refused, as the rules read every note.</summary>
    public static ListedItems<GitLabDiscussion> Discussions { get; } = new(d => d.Id, d => NullItem.In("notes", d.Notes));

    /// <summary>By id, 0 being none.</summary>
    public static ListedItems<GitLabNote> Notes { get; } = new(n => n.Id == 0 ? null : n.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>By SHA.</summary>
    public static ListedItems<GitLabCommit> Commits { get; } = new(c => c.Id ?? c.ShortId, totalled: true);
}
