namespace Reports.Fakes;

/// <summary>Where a DiffNote sits.</summary>
public sealed record FakePosition(string NewPath, int? NewLine, string? OldPath = null, int? OldLine = null)
{
    internal object ToJson() => new
    {
        base_sha = "a1b2c3",
        start_sha = "a1b2c3",
        head_sha = "d4e5f6",
        position_type = "text",
        new_path = NewPath,
        old_path = OldPath ?? NewPath,
        new_line = NewLine,
        old_line = OldLine,
        line_range = (object?)null,
    };
}
