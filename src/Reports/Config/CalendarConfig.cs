namespace Reports.Config;

public sealed record CalendarConfig
{
    /// <summary>IANA time zone; report windows run from local midnight to local midnight.</summary>
    public string TimeZone { get; init; } = "Asia/Jakarta";

    public IReadOnlyList<SprintConfig> Sprints { get; init; } = [];
}
