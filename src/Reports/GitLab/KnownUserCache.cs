using System.Text.Json;
using Reports.Files;

namespace Reports.GitLab;

/// <summary>
/// Usernames GitLab is known to have, in <c>.evidence-cache/gitlab/{host}/_users/</c>, so that checking
/// the configured students costs a request only on the first run. Only accounts that exist are kept:
/// one that does not stops the run, and may be created before the next.
/// </summary>
internal sealed class KnownUserCache(string directory)
{
    /// <summary>The entries' format, recorded in each.</summary>
    public const int Format = 1;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The account's id when <paramref name="username"/> was found on <paramref name="instance"/> before; null otherwise.</summary>
    public long? TryRead(Uri instance, string username)
    {
        var file = FileFor(instance, username);
        try
        {
            var entry = File.Exists(file) ? JsonSerializer.Deserialize<Entry>(File.ReadAllText(file), GitLabJson.Options) : null;
            return entry is { Format: Format, Id: { } id } && entry.Instance == instance.AbsoluteUri
                && string.Equals(entry.Username, username, StringComparison.OrdinalIgnoreCase) ? id : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(Uri instance, string username, long id)
    {
        var file = FileFor(instance, username);
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            AtomicFile.WriteAllText(file, JsonSerializer.Serialize(new Entry(Format, instance.AbsoluteUri, username, id), GitLabJson.Options));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EvidenceException)
        {
            // A cache that cannot be written costs the next run one request, nothing more.
        }
    }

    private string FileFor(Uri instance, string username) =>
        Path.Combine(MergeRequestCache.HostFolder(Directory, instance), "_users", MergeRequestCache.SafeName(username.ToLowerInvariant()) + ".json");

    private sealed record Entry(int? Format, string? Instance, string? Username, long? Id);
}
