using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reports.Model;

/// <summary>
/// The snapshot's JSON contract, generated at compile time: reading the first snapshot of a run
/// needs no reflection over the model or code emitted at run time. <see cref="SnapshotSerializer"/>
/// uses it with its own options (names as <see cref="JsonSerializerDefaults.Web"/> gives them).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Snapshot))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
