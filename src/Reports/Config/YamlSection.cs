using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary>
/// A mapping of <c>evidence.yml</c> whose keys were checked against its <see cref="ConfigSection"/>:
/// each key's value node and line. <see cref="Line"/> is where a missing key is reported.
/// </summary>
internal sealed record YamlSection(string Path, long Line, IReadOnlyDictionary<string, YamlNode> Values, IReadOnlyDictionary<string, long> KeyLines)
{
    public string KeyPath(ConfigKey key) => Path.Length == 0 ? key.Name : $"{Path}.{key.Name}";

    /// <summary>The node written for <paramref name="key"/>; only for a key known to be written.</summary>
    public YamlNode Node(ConfigKey key) => Values[key.Name];
}
