using System.Text.Json.Serialization;

namespace Reports.Model;

/// <summary>A commit as the report cites it.</summary>
internal sealed record CommitRef
{
    public required string Sha { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset AuthoredAt { get; init; }

    public required string Url { get; init; }

    [JsonIgnore]
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;
}
