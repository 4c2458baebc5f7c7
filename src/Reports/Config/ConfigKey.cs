namespace Reports.Config;

/// <summary>
/// One key of <c>evidence.yml</c>, declared once: its name, type, default and range, the one-line
/// comment <c>evidence init</c> writes beside it, the value the sample shows, and the example error
/// messages quote. The mapper, <c>docs/config.md</c> and <c>evidence.schema.json</c> all read it.
/// </summary>
internal sealed record ConfigKey(string Name, ConfigType Type, string Comment)
{
    /// <summary>The value used when the key is absent, as YAML text; null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>When the key must be written, e.g. "yes" or "with <c>linear:</c>"; null when it is optional.</summary>
    public string? Required { get; init; }

    /// <summary>Bounds of an <see cref="ConfigType.Integer"/>, both included.</summary>
    public int Min { get; init; }

    public int Max { get; init; } = int.MaxValue;

    /// <summary>The values a <see cref="ConfigType.Choice"/> allows.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The value <c>evidence init</c> writes (YAML text, may hold {username} and {start}); null leaves the key out of the sample.</summary>
    public string? Sample { get; init; }

    /// <summary>The comment <c>evidence init</c> writes beside the key, when it differs from <see cref="Comment"/>.</summary>
    public string? SampleComment { get; init; }

    /// <summary>Written commented out in the sample: optional and off by default.</summary>
    public bool SampleCommented { get; init; }

    /// <summary>An example of a good value, quoted in error messages and the docs.</summary>
    public string? Example { get; init; }

    /// <summary>The keys under this one, when its value is a mapping.</summary>
    public ConfigSection? Section { get; init; }

    /// <summary>The keys of each item, when its value is a list of mappings (the sprints).</summary>
    public ConfigSection? ItemSection { get; init; }

    /// <summary>A list item the sample writes on the line below the key, with its own comment.</summary>
    public (string Item, string Comment)? SampleItem { get; init; }

    /// <summary>What an <see cref="ConfigType.Integer"/> allows, in words for error messages.</summary>
    public string Range => $"a whole number from {Min} to {Max}";
}
