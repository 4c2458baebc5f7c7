namespace Reports.Model;

/// <summary>
/// One source that ran for a snapshot (schema version 2): which service, which instance, what it
/// read and when. Its presence is what lets a report say "not configured" apart from "nothing found".
/// </summary>
internal sealed record SourceRun
{
    /// <summary>One of <see cref="SourceNames"/>, e.g. <c>gitlab</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Instance base URL, never with credentials, e.g. <c>https://gitlab.example.com/</c>.</summary>
    public required string Url { get; init; }

    /// <summary>What was read: full project paths for GitLab, team keys for Linear (empty: everything the key can see).</summary>
    public IReadOnlyList<string> Covered { get; init; } = [];

    /// <summary>When the source finished reading, in UTC to the whole second.</summary>
    public required DateTimeOffset CollectedAt { get; init; }
}
