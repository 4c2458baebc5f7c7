namespace Reports.Check;

/// <summary>How one item of <c>evidence check</c> came out; the command's exit code follows from the worst.</summary>
internal enum CheckStatus
{
    /// <summary>✓: as it should be.</summary>
    Passed,

    /// <summary>!: worth fixing, but a run would still be right (a Monday pipeline or a week-1 student passes).</summary>
    Warning,

    /// <summary>✗: the config or the local set-up is wrong (exit 1, which wins over 2).</summary>
    Wrong,

    /// <summary>✗: GitLab or Linear refused or failed (exit 2).</summary>
    Refused,
}
