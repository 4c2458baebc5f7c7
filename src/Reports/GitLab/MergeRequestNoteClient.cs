using System.Globalization;

namespace Reports.GitLab;

/// <summary>
/// <c>/projects/:id/merge_requests/:iid/notes</c>: a merge request's notes, listed oldest first,
/// created, edited and deleted. Writes are sent once: a failed one may still have landed, so a caller
/// that must know reads the notes again rather than sending it twice.
/// </summary>
internal sealed class MergeRequestNoteClient
{
    private readonly GitLabConnection _connection;

    internal MergeRequestNoteClient(GitLabConnection connection) => _connection = connection;

    /// <summary>Every note (system notes included), oldest first, fetched 100 per page as enumerated.</summary>
    public IAsyncEnumerable<GitLabNote> ListAsync(string project, int iid, CancellationToken ct = default) =>
        _connection.GetPagedAsync<GitLabNote>(Of(project, iid) + "?sort=asc&order_by=created_at", NotFound(project, iid), ct);

    /// <summary>Adds a note (<c>POST</c>) as the token's user and returns it as GitLab stored it.</summary>
    public Task<GitLabNote> CreateAsync(string project, int iid, string body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _connection.SendChangeAsync<GitLabNote>(HttpMethod.Post, Of(project, iid), new { body }, NotFound(project, iid), ct);
    }

    /// <summary>Replaces the body of a note (<c>PUT</c>); GitLab allows it only for the note's author.</summary>
    public Task<GitLabNote> EditAsync(string project, int iid, long noteId, string body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _connection.SendChangeAsync<GitLabNote>(
            HttpMethod.Put,
            string.Create(CultureInfo.InvariantCulture, $"{Of(project, iid)}/{noteId}"),
            new { body },
            NoteNotFound(project, iid, noteId),
            ct);
    }

    /// <summary>
    /// Deletes a note (<c>DELETE</c>; GitLab allows it for the note's author and maintainers). False when
    /// GitLab answers 404: the note is already gone, e.g. deleted by a run racing this one.
    /// </summary>
    public async Task<bool> DeleteAsync(string project, int iid, long noteId, CancellationToken ct = default)
    {
        try
        {
            await _connection.DeleteAsync(string.Create(CultureInfo.InvariantCulture, $"{Of(project, iid)}/{noteId}"), NoteNotFound(project, iid, noteId), ct);
            return true;
        }
        catch (GitLabException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static string Of(string project, int iid) =>
        string.Create(CultureInfo.InvariantCulture, $"projects/{ProjectPath.Encode(project)}/merge_requests/{iid}/notes");

    private string NotFound(string project, int iid) =>
        string.Create(CultureInfo.InvariantCulture, $"merge request !{iid} of project '{project}' not found at {_connection.Instance}");

    private string NoteNotFound(string project, int iid, long noteId) =>
        string.Create(CultureInfo.InvariantCulture, $"note {noteId} of merge request !{iid} of project '{project}' not found at {_connection.Instance}");
}
