namespace Reports.Config;

/// <summary>
/// <c>evidence.yml</c> as loaded: defaults applied and every relative path resolved against the
/// folder of the config file. Holds names of environment variables, never secrets.
/// </summary>
public sealed record EvidenceConfig
{
    /// <summary>Full path of the file this was read from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Prefix of the report title, e.g. "PPL"; none when null.</summary>
    public string? Course { get; init; }

    /// <summary>Whose reports these are: one student (<c>student:</c>) or a team (<c>students:</c>); empty only for <c>notify</c>.</summary>
    public required IReadOnlyList<StudentConfig> Students { get; init; }

    /// <summary>True when the file lists <c>students:</c>: reports go into a folder per student, notes too.</summary>
    public bool IsTeam { get; init; }

    /// <summary>The first student: in a single-student config, the only one.</summary>
    public StudentConfig Student => Students[0];

    public required GitLabConfig GitLab { get; init; }

    public LinearConfig? Linear { get; init; }

    public required CalendarConfig Calendar { get; init; }

    public ReviewConfig Review { get; init; } = new();

    public SiteConfig Site { get; init; } = new();

    /// <summary>Set when <c>notify:</c> is written; <c>evidence notify</c> requires it.</summary>
    public NotifyConfig? Notify { get; init; }

    /// <summary>Absolute folder of the narrative notes files.</summary>
    public required string NotesDirectory { get; init; }

    /// <summary>Absolute folder of template overrides, if any.</summary>
    public string? TemplatesDirectory { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Absolute folder of the per-merge-request cache (<c>.evidence-cache/</c> beside the config).</summary>
    public required string CacheDirectory { get; init; }
}
