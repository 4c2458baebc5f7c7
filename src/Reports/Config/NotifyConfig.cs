namespace Reports.Config;

/// <summary><c>notify:</c> in <c>evidence.yml</c>, for <c>evidence notify</c>.</summary>
internal sealed record NotifyConfig
{
    /// <summary>Name of the environment variable holding the bot's token (api scope), which writes the note.</summary>
    public required string TokenEnv { get; init; }

    /// <summary>With no linked ticket and no earlier note, post nothing.</summary>
    public bool SkipWhenEmpty { get; init; }

    internal static NotifyConfig Read(ConfigReader reader, YamlSection notify)
    {
        var tokenKey = ConfigSchema.Notify.TokenEnv;
        if (ConfigReader.Get(notify, tokenKey) is null)
        {
            throw reader.MissingKey(notify, tokenKey);
        }

        return new NotifyConfig
        {
            TokenEnv = reader.EnvNameOrDefault(notify, tokenKey, "bot's token"),
            SkipWhenEmpty = reader.BooleanOrDefault(notify, ConfigSchema.Notify.SkipWhenEmpty),
        };
    }
}
