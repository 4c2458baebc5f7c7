namespace Reports.Config;

/// <summary>What the config is loaded for, which decides the keys it must have.</summary>
internal enum ConfigPurpose
{
    /// <summary><c>build</c>, <c>collect</c>, <c>render</c>: needs the student(s) and gitlab.url and gitlab.projects.</summary>
    Report,

    /// <summary><c>notify</c>: needs linear: and notify.token_env; gitlab.url may come from CI_API_V4_URL.</summary>
    Notify,
}
