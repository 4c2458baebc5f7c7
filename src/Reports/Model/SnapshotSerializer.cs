using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reports.Model;

/// <summary>
/// Reads and writes snapshot JSON. Writing sorts every list into a stable order so the same facts
/// always give the same bytes; reading is strict (unknown members, missing required members and
/// newer schema versions are errors naming the JSON path).
/// </summary>
internal static class SnapshotSerializer
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The snapshot's JSON; a secret read in this process never appears in it, even if a server echoed it
    /// into the data. Bidirectional controls are escaped (<see cref="BidiControls.EscapeInJson"/>).
    /// </summary>
    public static string Serialize(Snapshot snapshot) =>
        BidiControls.EscapeInJson(Secrets.Redact(JsonSerializer.Serialize(Normalize(snapshot), Options) + "\n"));

    /// <param name="source">Where the JSON came from, for error messages.</param>
    public static Snapshot Deserialize(string json, string source)
    {
        try
        {
            var utf8 = Encoding.UTF8.GetBytes(json);
            CheckSchemaVersion(utf8, source);
            var snapshot = JsonSerializer.Deserialize<Snapshot>(utf8, Options)
                ?? throw Invalid(source, "$", "the snapshot is null");
            if (SnapshotValidator.FindProblem(snapshot) is var (path, problem))
            {
                throw Invalid(source, path, problem);
            }

            return Normalize(snapshot);
        }
        catch (JsonException e)
        {
            // The serializer's wording for a null where the model has none speaks to developers, not users.
            var problem = e.Message.Contains("doesn't allow setting null values", StringComparison.Ordinal)
                ? "null is not allowed here"
                : FirstSentence(e.Message);
            throw Invalid(source, e.Path ?? "$", problem, e);
        }
    }

    public static Snapshot Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new EvidenceException($"snapshot '{path}' is a folder; pass the snapshot file itself, e.g. --snapshot {Path.Combine(path, "week.json")}");
        }

        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (FileNotFoundException)
        {
            throw new EvidenceException($"snapshot '{path}' not found; write one with 'evidence collect --snapshot {path}'");
        }
        catch (DirectoryNotFoundException)
        {
            throw new EvidenceException($"snapshot '{path}' not found: its folder does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException($"cannot read snapshot '{path}': {e.Message}", e);
        }

        return Deserialize(json, path);
    }

    /// <summary>Sorts lists by their natural keys and puts collection times in UTC to the second, so that neither collection order nor clock shows in the output.</summary>
    public static Snapshot Normalize(Snapshot s) => s with
    {
        Reviews = [.. s.Reviews
            .Select(r => r with
            {
                Threads = [.. r.Threads.OrderBy(t => t.CreatedAt).ThenBy(t => t.NoteId)],
                SummaryNotes = SortNotes(r.SummaryNotes),
                Replies = SortNotes(r.Replies),
            })
            .OrderBy(r => r.MergeRequest.Project, StringComparer.Ordinal).ThenBy(r => r.MergeRequest.Iid)],
        Merges = [.. s.Merges.OrderBy(m => m.MergedAt).ThenBy(m => m.Project, StringComparer.Ordinal).ThenBy(m => m.Iid)],
        Contributions = [.. s.Contributions
            .Select(c => c with { Commits = [.. c.Commits.OrderBy(x => x.AuthoredAt).ThenBy(x => x.Sha, StringComparer.Ordinal)] })
            .OrderBy(c => c.MergeRequest.Project, StringComparer.Ordinal).ThenBy(c => c.MergeRequest.Iid)],
        AuthoredMergeRequests = [.. s.AuthoredMergeRequests.OrderBy(m => m.Project, StringComparer.Ordinal).ThenBy(m => m.Iid)],
        Tickets = [.. s.Tickets
            .Select(t => t with
            {
                StatusChanges = [.. t.StatusChanges.OrderBy(c => c.At)],
                Grooming = [.. t.Grooming.OrderBy(g => g.At).ThenBy(g => g.Field, StringComparer.Ordinal)],
                AttachmentUrls = [.. t.AttachmentUrls.Order(StringComparer.Ordinal)],
            })
            .OrderBy(t => t.Identifier, TicketIdentifierComparer.Instance)],
        ReferencedTickets = s.ReferencedTickets is not { Count: > 0 } referenced ? null : [.. referenced
            .Select(t => t with { AttachmentUrls = [.. t.AttachmentUrls.Order(StringComparer.Ordinal)] })
            .OrderBy(t => t.Identifier, TicketIdentifierComparer.Instance)],
        Automation = [.. s.Automation.OrderBy(a => a.Note.CreatedAt).ThenBy(a => a.Note.NoteId)],
        Warnings = s.Warnings is not { Count: > 0 } warnings ? null : [.. warnings.Distinct().OrderBy(w => w.Text, StringComparer.Ordinal)],
        Sources = s.Sources is null ? null : [.. s.Sources
            .Select(r => r with { Covered = [.. r.Covered.Order(StringComparer.Ordinal)], CollectedAt = WholeSecondUtc(r.CollectedAt) })
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Url, StringComparer.Ordinal)],
    };

    // A clock's ticks and the machine's offset would otherwise make two collections of the same facts differ.
    internal static DateTimeOffset WholeSecondUtc(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    private static IReadOnlyList<Note> SortNotes(IReadOnlyList<Note> notes) =>
        [.. notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.NoteId)];

    // Only the top level is read up to the version: the rest is the serializer's to read, and to report with its path.
    internal static void CheckSchemaVersion(ReadOnlySpan<byte> utf8, string source)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid(source, "$", "expected a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("schemaVersion"u8);
            reader.Read();
            if (!isVersion)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.Number)
            {
                break;
            }

            if (!reader.TryGetInt32(out var v) || v < 1)
            {
                throw Invalid(source, "$.schemaVersion", $"'{Encoding.UTF8.GetString(reader.ValueSpan)}' is not a schema version");
            }

            if (v > Snapshot.CurrentSchemaVersion)
            {
                throw Invalid(source, "$.schemaVersion",
                    $"version {v} is newer than this evidence understands ({Snapshot.CurrentSchemaVersion}); update evidence");
            }

            return;
        }

        throw Invalid(source, "$.schemaVersion", $"missing schemaVersion (this evidence writes version {Snapshot.CurrentSchemaVersion})");
    }

    internal static EvidenceException Invalid(string source, string path, string problem, Exception? inner = null) =>
        new($"snapshot '{source}' is invalid at {path}: {problem}", inner);

    // System.Text.Json appends "Path: … | LineNumber: …" to its messages; the path is reported separately.
    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
