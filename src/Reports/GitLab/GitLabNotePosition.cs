using System.Text.Json;

namespace Reports.GitLab;

/// <summary>The file and line a DiffNote is attached to.</summary>
internal sealed record GitLabNotePosition
{
    public string? PositionType { get; init; }

    public string? NewPath { get; init; }

    public string? OldPath { get; init; }

    public int? NewLine { get; init; }

    public int? OldLine { get; init; }

    /// <summary>Multi-line comments; kept raw because its shape varies between versions.</summary>
    public JsonElement? LineRange { get; init; }
}
