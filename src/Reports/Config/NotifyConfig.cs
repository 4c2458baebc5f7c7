namespace Reports.Config;

/// <summary><c>notify:</c> in <c>evidence.yml</c>, for <c>evidence notify</c>.</summary>
public sealed record NotifyConfig
{
    /// <summary>Name of the environment variable holding the bot's token (api scope), which writes the note.</summary>
    public required string TokenEnv { get; init; }

    /// <summary>With no linked ticket and no earlier note, post nothing.</summary>
    public bool SkipWhenEmpty { get; init; }
}
