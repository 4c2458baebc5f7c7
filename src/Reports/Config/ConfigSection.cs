namespace Reports.Config;

/// <summary>A mapping of <c>evidence.yml</c> (the top level, <c>gitlab</c>, a sprint …) and the keys it allows, in sample order.</summary>
internal sealed record ConfigSection(string Path, IReadOnlyList<ConfigKey> Keys)
{
    public IReadOnlyList<string> Names { get; } = [.. Keys.Select(k => k.Name)];

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}
