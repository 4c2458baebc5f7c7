namespace Reports.Config;

/// <summary><c>attention:</c> in <c>evidence.yml</c>: the thresholds of the team's attention list (docs/rules.md).</summary>
internal sealed record AttentionConfig
{
    /// <summary>Percent of the team's merges above which one student's share is flagged.</summary>
    public int MergeShare { get; init; } = ConfigSchema.Attention.DefaultMergeShare;

    /// <summary>Team merges a week needs before the share is judged.</summary>
    public int MinMerges { get; init; } = ConfigSchema.Attention.DefaultMinMerges;

    /// <summary>Percent of a student's week on its last day above which it is flagged.</summary>
    public int LastDayShare { get; init; } = ConfigSchema.Attention.DefaultLastDayShare;

    /// <summary>Items a student's week needs before its last day is judged.</summary>
    public int LastDayMin { get; init; } = ConfigSchema.Attention.DefaultLastDayMin;

    internal static AttentionConfig Read(ConfigReader reader, YamlSection attention) => new()
    {
        MergeShare = reader.IntOrDefault(attention, ConfigSchema.Attention.MergeShare),
        MinMerges = reader.IntOrDefault(attention, ConfigSchema.Attention.MinMerges),
        LastDayShare = reader.IntOrDefault(attention, ConfigSchema.Attention.LastDayShare),
        LastDayMin = reader.IntOrDefault(attention, ConfigSchema.Attention.LastDayMin),
    };
}
