namespace Reports.Config;

/// <summary>
/// One key of <c>evidence.yml</c>, declared once: its name, the one-line comment <c>evidence init</c>
/// writes beside it, the value the sample shows, and the example error messages quote.
/// </summary>
internal sealed record ConfigKey(string Name, string Comment)
{
    /// <summary>The value <c>evidence init</c> writes (YAML text, may hold {username} and {start}); null leaves the key out of the sample.</summary>
    public string? Sample { get; init; }

    /// <summary>Written commented out in the sample: optional and off by default.</summary>
    public bool SampleCommented { get; init; }

    /// <summary>An example of a good value, quoted in error messages.</summary>
    public string? Example { get; init; }

    /// <summary>The keys under this one, when its value is a mapping.</summary>
    public ConfigSection? Section { get; init; }

    /// <summary>The keys of each item, when its value is a list of mappings (the sprints).</summary>
    public ConfigSection? ItemSection { get; init; }

    /// <summary>A list item the sample writes on the line below the key, with its own comment.</summary>
    public (string Item, string Comment)? SampleItem { get; init; }
}
