using System.Globalization;
using System.Text.Json;
using Reports.Files;

namespace Reports.GitLab;

/// <summary>
/// Per-MR discussions and commits on disk, keyed by instance, project, iid and the MR's
/// <c>updated_at</c>: a re-run over unchanged merge requests costs only the list calls.
/// A damaged or unreadable entry is a miss, and a failed write only costs the next run time.
/// </summary>
public sealed class MergeRequestCache(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The stored discussions and commits if they were stored for this very <paramref name="updatedAt"/>.</summary>
    public async Task<(IReadOnlyList<GitLabDiscussion> Discussions, IReadOnlyList<GitLabCommit> Commits)?> TryReadAsync(
        Uri instance, string project, int iid, DateTimeOffset updatedAt, CancellationToken ct = default)
    {
        var file = FileFor(instance, project, iid);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(file);
            var entry = await JsonSerializer.DeserializeAsync<Entry>(stream, GitLabJson.Options, ct);
            if (entry?.UpdatedAt is not { } stored || stored != updatedAt || entry.Discussions is null || entry.Commits is null)
            {
                return null;
            }

            return (entry.Discussions, entry.Commits);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public async Task WriteAsync(
        Uri instance, string project, int iid, DateTimeOffset updatedAt,
        IReadOnlyList<GitLabDiscussion> discussions, IReadOnlyList<GitLabCommit> commits, CancellationToken ct = default)
    {
        var file = FileFor(instance, project, iid);
        string? temp = null;
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // No fsync: an entry torn by a power cut reads as a miss, and a cold run writes hundreds.
            temp = await TempFile.WriteBesideAsync(file, (stream, token) =>
                JsonSerializer.SerializeAsync(stream, new Entry(updatedAt, discussions, commits), GitLabJson.Options, token), flushToDisk: false, ct);

            // Readers see the old entry or the new one, never half of one.
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (temp is not null)
            {
                TempFile.TryDelete(temp);
            }
        }
    }

    private string FileFor(Uri instance, string project, int iid)
    {
        var host = Safe(instance.IsDefaultPort ? instance.Host : $"{instance.Host}_{instance.Port}");
        return Path.Combine(Directory, "gitlab", host, Safe(project), iid.ToString(CultureInfo.InvariantCulture) + ".json");
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(name.Select(c => invalid.Contains(c) || c is '/' or '\\' or ':' ? '_' : c));
    }

    private sealed record Entry(DateTimeOffset? UpdatedAt, IReadOnlyList<GitLabDiscussion>? Discussions, IReadOnlyList<GitLabCommit>? Commits);
}
