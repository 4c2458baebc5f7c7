namespace Reports.Config;

/// <summary>What a key of <c>evidence.yml</c> holds: how the mapper reads it and how the docs and the JSON Schema describe it.</summary>
internal enum ConfigType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>A whole number between the key's <see cref="ConfigKey.Min"/> and <see cref="ConfigKey.Max"/>.</summary>
    Integer,

    Boolean,

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary>An absolute <c>http</c> or <c>https</c> URL without credentials.</summary>
    Url,

    /// <summary>The name of an environment variable (which holds a secret).</summary>
    EnvName,

    Email,

    /// <summary>An IANA time zone id.</summary>
    TimeZone,

    /// <summary>One of the key's <see cref="ConfigKey.Choices"/>.</summary>
    Choice,

    /// <summary>A folder, relative to the config file's folder.</summary>
    Folder,

    /// <summary>A file, relative to the config file's folder.</summary>
    File,

    TextList,

    EmailList,

    /// <summary>GitLab projects: full paths (<c>group/project</c>) or numeric ids.</summary>
    ProjectList,

    /// <summary>Comment label → P-level.</summary>
    LevelMap,

    /// <summary>A list of P-levels (<c>P0</c> … <c>P3</c>).</summary>
    LevelList,

    /// <summary>A mapping of the keys of <see cref="ConfigKey.Section"/>.</summary>
    Section,

    /// <summary>A list of mappings, each of the keys of <see cref="ConfigKey.ItemSection"/>.</summary>
    SectionList,

    /// <summary>A mapping of names (the roster's team names) to mappings, each of the keys of <see cref="ConfigKey.ItemSection"/>.</summary>
    SectionMap,
}
