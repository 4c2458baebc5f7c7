namespace Reports.Config;

public sealed record StudentConfig
{
    /// <summary>GitLab username (required).</summary>
    public required string Username { get; init; }

    public string? Name { get; init; }

    /// <summary>Commit author emails that are this student; compared case-insensitively.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    public string? LinearEmail { get; init; }
}
