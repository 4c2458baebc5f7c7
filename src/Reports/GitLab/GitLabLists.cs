using System.Globalization;
using Reports.Http;

namespace Reports.GitLab;

/// <summary>How the collector's GitLab lists tell their items apart and which items it cannot use.</summary>
internal static class GitLabLists
{
    /// <summary>By iid, which addresses every per-MR request: a merge request without one is refused.</summary>
    public static ListedItems<GitLabMergeRequest> MergeRequests { get; } = new(
        mr => mr.Iid.ToString(CultureInfo.InvariantCulture),
        mr => mr.Iid > 0 ? null : " has no iid");

    /// <summary>By id; a null note inside a discussion is refused, as the rules read every note.</summary>
    public static ListedItems<GitLabDiscussion> Discussions { get; } = new(d => d.Id, d => NullItem.In("notes", d.Notes));

    /// <summary>By id, 0 being none.</summary>
    public static ListedItems<GitLabNote> Notes { get; } = new(n => n.Id == 0 ? null : n.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>By SHA.</summary>
    public static ListedItems<GitLabCommit> Commits { get; } = new(c => c.Id ?? c.ShortId);
}
