using System.Text.Json;
using Reports.Files;

namespace Reports.Linear;

/// <summary>
/// docs/cache.md: issue histories on disk, keyed by endpoint, issue id and the issue's <c>updatedAt</c>:
/// a re-run over unchanged issues costs only the listing requests. Linear moves <c>updatedAt</c> on
/// every change, so a stored history is complete for the stamp it was stored with. An entry says what
/// it is (format, issue id), and one that does not say this very issue in this format is a miss, as is
/// a damaged or unreadable one; a failed write only costs the next run time. Holds what Linear
/// answered, never the API key.
/// </summary>
internal sealed class IssueHistoryCache(string directory)
{
    /// <summary>The entries' format: 2 records the issue an entry is for; format 1 (no <c>format</c> field) held only <c>updatedAt</c>.</summary>
    public const int Format = 2;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The stored history if it was stored for this very <paramref name="updatedAt"/>.</summary>
    public async Task<IReadOnlyList<LinearHistoryEntry>?> TryReadAsync(Uri endpoint, string issueId, DateTimeOffset updatedAt, CancellationToken ct = default)
    {
        var file = FileFor(endpoint, issueId);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(file);
            var entry = await JsonSerializer.DeserializeAsync<Entry>(stream, LinearJson.Options, ct);
            // Another format, or another issue's entry under this one's name, is refetched rather than trusted.
            return entry is { Format: Format } && entry.IssueId == issueId && entry.UpdatedAt is { } stored && stored == updatedAt && entry.History is { } history
                ? history
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public async Task WriteAsync(Uri endpoint, string issueId, DateTimeOffset updatedAt, IReadOnlyList<LinearHistoryEntry> history, CancellationToken ct = default)
    {
        var file = FileFor(endpoint, issueId);
        string? temp = null;
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);

            // No fsync: an entry torn by a power cut reads as a miss, and a cold run writes hundreds.
            temp = await TempFile.WriteBesideAsync(file, (stream, token) =>
                JsonSerializer.SerializeAsync(stream, new Entry(Format, issueId, updatedAt, history), LinearJson.Options, token), flushToDisk: false, ct);

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

    private string FileFor(Uri endpoint, string issueId)
    {
        var host = Safe(endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}_{endpoint.Port}");
        return Path.Combine(Directory, "linear", host, Safe(issueId) + ".json");
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = string.Concat(name.Select(c => invalid.Contains(c) || c is '/' or '\\' or ':' ? '_' : c));
        return safe is "" or "." or ".." ? "_" + safe : safe;
    }

    private sealed record Entry(int? Format, string? IssueId, DateTimeOffset? UpdatedAt, IReadOnlyList<LinearHistoryEntry>? History);
}
