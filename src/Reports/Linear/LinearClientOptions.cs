using Reports.Http;

namespace Reports.Linear;

/// <summary>
/// Tuning of <see cref="LinearClient"/>; a hung endpoint fails within the 60 s
/// <see cref="RemoteClientOptions.TotalTimeout"/> (<c>linear.timeout_seconds</c>).
/// </summary>
internal sealed record LinearClientOptions : RemoteClientOptions
{
    /// <summary>Name of the variable the API key came from, for error messages only.</summary>
    public string ApiKeyEnv { get; init; } = Config.ConfigSchema.Linear.DefaultApiKeyEnv;
}
