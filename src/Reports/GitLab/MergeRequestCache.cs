using System.Globalization;
using System.Text.Json;
using Reports.Files;

namespace Reports.GitLab;

/// <summary>
/// docs/cache.md: per-MR discussions and commits on disk, keyed by instance, project, iid and the MR's
/// <c>updated_at</c>: a re-run over unchanged merge requests costs only the list calls. An entry says
/// what it is (format, instance, project, iid), and one that does not say this very merge request in
/// this format is a miss, as is a damaged or unreadable one; a failed write only costs the next run time.
/// </summary>
internal sealed class MergeRequestCache(string directory)
{
    /// <summary>
    /// The entries' format: 3 adds the approvers (when read), 2 records what an entry is for; format 1 (no
    /// <c>format</c> field) held only <c>updated_at</c>. A format-2 entry is still read, without approvers.
    /// </summary>
    public const int Format = 3;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The stored discussions and commits if they were stored for this very <paramref name="updatedAt"/>.</summary>
    public async Task<(IReadOnlyList<GitLabDiscussion> Discussions, IReadOnlyList<GitLabCommit> Commits, IReadOnlyList<GitLabUser>? ApprovedBy)?> TryReadAsync(
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
            // Another format, or another merge request's entry under this one's name, is refetched rather than trusted.
            if (entry is not { Format: 2 or Format } || entry.Instance != instance.AbsoluteUri || entry.Project != project || entry.Iid != iid
                || entry.UpdatedAt is not { } stored || stored != updatedAt || entry.Discussions is null || entry.Commits is null)
            {
                return null;
            }

            return (entry.Discussions, entry.Commits, entry.ApprovedBy);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public async Task WriteAsync(
        Uri instance, string project, int iid, DateTimeOffset updatedAt,
        IReadOnlyList<GitLabDiscussion> discussions, IReadOnlyList<GitLabCommit> commits, IReadOnlyList<GitLabUser>? approvedBy = null, CancellationToken ct = default)
    {
        var file = FileFor(instance, project, iid);
        string? temp = null;
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // No fsync: an entry torn by a power cut reads as a miss, and a cold run writes hundreds.
            temp = await TempFile.WriteBesideAsync(file, (stream, token) =>
                JsonSerializer.SerializeAsync(stream, new Entry(Format, instance.AbsoluteUri, project, iid, updatedAt, discussions, commits, approvedBy), GitLabJson.Options, token), flushToDisk: false, ct);

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

    private string FileFor(Uri instance, string project, int iid) =>
        Path.Combine(HostFolder(Directory, instance), SafeName(project), iid.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>The folder of one instance's entries: <c>{directory}/gitlab/{host}</c>, with the port when it is not the default.</summary>
    internal static string HostFolder(string directory, Uri instance) =>
        Path.Combine(directory, "gitlab", SafeName(instance.IsDefaultPort ? instance.Host : $"{instance.Host}_{instance.Port}"));

    /// <summary><paramref name="name"/> as one file name: separators and characters no file system takes become <c>_</c>.</summary>
    internal static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(name.Select(c => invalid.Contains(c) || c is '/' or '\\' or ':' ? '_' : c));
    }

    private sealed record Entry(
        int? Format, string? Instance, string? Project, int? Iid, DateTimeOffset? UpdatedAt,
        IReadOnlyList<GitLabDiscussion>? Discussions, IReadOnlyList<GitLabCommit>? Commits, IReadOnlyList<GitLabUser>? ApprovedBy = null);
}
