using Reports.Http;

namespace Reports.GitLab;

/// <summary>
/// Tuning of <see cref="GitLabClient"/>; the defaults suit gitlab.com and bound a hung instance to
/// the 60 s <see cref="RemoteClientOptions.TotalTimeout"/> (<c>gitlab.timeout_seconds</c>).
/// </summary>
internal sealed record GitLabClientOptions : RemoteClientOptions
{
    /// <summary>Reading merge requests, discussions and commits, as the report does.</summary>
    public const string ReadScope = "read_api";

    /// <summary>Writing notes too, as <c>evidence notify</c> does.</summary>
    public const string WriteScope = "api";

    /// <summary>Name of the variable the token came from, for error messages only.</summary>
    public string TokenEnv { get; init; } = Config.ConfigSchema.GitLab.DefaultTokenEnv;

    /// <summary>The scope the token needs, for error messages only.</summary>
    public string TokenScope { get; init; } = ReadScope;
}
