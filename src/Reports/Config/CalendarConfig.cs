namespace Reports.Config;

public sealed record CalendarConfig
{
    public const string DefaultTimeZone = "Asia/Jakarta";

    /// <summary>IANA time zone id as written; report windows run from local midnight to local midnight.</summary>
    public string TimeZone { get; init; } = DefaultTimeZone;

    /// <summary>The zone <see cref="TimeZone"/> names, found once by the config mapper; null when built in code (then looked up from the id).</summary>
    public TimeZoneInfo? Zone { get; init; }

    public IReadOnlyList<SprintConfig> Sprints { get; init; } = [];
}
