using Reports.Calendar;
using YamlDotNet.RepresentationModel;
using Reports.Model;

namespace Reports.Config;

/// <summary><c>calendar:</c> in <c>evidence.yml</c>: the course's time zone and sprints.</summary>
internal sealed record CalendarConfig
{
    /// <summary>IANA time zone id as written; report windows run from local midnight to local midnight.</summary>
    public string TimeZone { get; init; } = ConfigSchema.Calendar.DefaultTimeZone;

    /// <summary>The zone <see cref="TimeZone"/> names, found once by the config mapper; null when built in code (then looked up from the id).</summary>
    public TimeZoneInfo? Zone { get; init; }

    public IReadOnlyList<SprintConfig> Sprints { get; init; } = [];

    /// <summary>The zone and the sprints: each with a distinct number in its name, none overlapping another.</summary>
    internal static CalendarConfig Read(ConfigReader reader, YamlSection calendar)
    {
        var (zoneKey, sprintsKey) = (ConfigSchema.Calendar.TimeZone, ConfigSchema.Calendar.Sprints);
        var timeZone = reader.StringOrDefault(calendar, zoneKey);
        var zone = TimeZones.TryFind(timeZone)
            ?? throw reader.Error(ConfigReader.Get(calendar, zoneKey)?.Start.Line ?? calendar.Line, $"{calendar.KeyPath(zoneKey)}: {TimeZones.UnknownMessage(timeZone)}");

        var sprints = new List<(SprintConfig Sprint, int Number, YamlNode Node, string Path)>();
        if (ConfigReader.Get(calendar, sprintsKey) is { } sprintsNode)
        {
            var items = reader.Sequence(sprintsNode, calendar.KeyPath(sprintsKey), sprintsKey.Example!);
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"{calendar.KeyPath(sprintsKey)}[{i}]";
                var sprint = ReadSprint(reader, items[i], path);
                var number = SprintConfig.NumberFromName(sprint.Name, i + 1);
                if (sprints.FirstOrDefault(s => s.Number == number) is { Sprint: not null } clash)
                {
                    throw reader.Error(items[i],
                        $"{path}: '{sprint.Name}' has the same sprint number {number} as '{clash.Sprint.Name}' (line {clash.Node.Start.Line}); put a distinct number in each sprint name");
                }

                sprints.Add((sprint, number, items[i], path));
            }
        }

        // Overlapping sprints would make "the sprint week containing today" ambiguous.
        var ordered = sprints.OrderBy(s => s.Sprint.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, current) = (ordered[i - 1].Sprint, ordered[i]);
            if (current.Sprint.Start <= previous.End)
            {
                throw reader.Error(current.Node,
                    $"{current.Path}: '{current.Sprint.Name}' starts {current.Sprint.Start:yyyy-MM-dd}, before '{previous.Name}' ends {previous.End:yyyy-MM-dd}; sprints must not overlap");
            }
        }

        return new CalendarConfig { TimeZone = timeZone, Zone = zone, Sprints = [.. sprints.Select(s => s.Sprint)] };
    }

    private static SprintConfig ReadSprint(ConfigReader reader, YamlNode node, string path)
    {
        if (node is not YamlMappingNode)
        {
            throw reader.Error(node, $"{path}: expected a mapping like {ConfigSchema.Sprint.Example}, found {ConfigReader.Describe(node)}");
        }

        var item = reader.Section(node, ConfigSchema.Sprint.Section, node.Start.Line, path);
        var weeksKey = ConfigSchema.Sprint.Weeks;
        var sprint = new SprintConfig(
            reader.RequiredString(item, ConfigSchema.Sprint.Name),
            reader.RequiredDate(item, ConfigSchema.Sprint.Start),
            reader.OptionalInt(item, weeksKey, $"a number of weeks (use {weeksKey.Range})") ?? throw reader.MissingKey(item, weeksKey));
        return sprint.End > SupportedDates.Last
            ? throw reader.Error(item.Node(weeksKey), $"{path}: '{sprint.Name}' would end after {SupportedDates.Last:yyyy-MM-dd}, the last date evidence supports")
            : sprint;
    }
}
