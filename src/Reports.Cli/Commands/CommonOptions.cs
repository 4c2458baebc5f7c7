using System.CommandLine;
using Reports.Config;

namespace Reports.Cli.Commands;

/// <summary>Options several commands share, and how they combine with <c>evidence.yml</c>.</summary>
internal static class CommonOptions
{
    public const string DefaultConfigFile = "evidence.yml";

    public const string VerboseName = "--verbose";

    /// <summary>On every command: print the full trace of an unexpected failure.</summary>
    public static Option<bool> Verbose() => new(VerboseName)
    {
        Description = "List every file written (a run of many reports prints one summary line instead) and each collection step; on an unexpected failure, print its full trace (to include in a bug report).",
        Recursive = true,
    };

    public static Option<FileInfo> Config() => new("--config", "-c")
    {
        Description = $"The config file (default: {DefaultConfigFile} in the current folder).",
    };

    public static Option<DirectoryInfo> Out() => new("--out", "-o")
    {
        Description = "Folder to write the site into (overrides 'output:' in the config).",
    };

    /// <param name="readsConfig">Whether the command reads a config, whose <c>templates:</c> the option then overrides.</param>
    public static Option<DirectoryInfo> Templates(bool readsConfig = true) => new("--templates")
    {
        Description = readsConfig
            ? "Folder of template overrides (overrides 'templates:' in the config)."
            : "Folder of template overrides: a file there replaces the shipped template of the same name.",
    };

    /// <summary>What to write: the HTML site, or Hugo page bundles (overrides 'site.format:' in the config).</summary>
    /// <param name="readsConfig">Whether the command reads a config, whose <c>site.format:</c> the option then overrides.</param>
    public static Option<string> Format(bool readsConfig = true)
    {
        var option = new Option<string>("--format")
        {
            Description = readsConfig
                ? "What to write: html (the site, default) or hugo (page bundles under content/{site.hugo_section}/); overrides 'site.format:' in the config."
                : "What to write: html (the site, default) or hugo (page bundles under content/evidence/).",
            HelpName = "html|hugo",
        };
        option.AcceptOnlyFromAmong("html", "hugo");
        return option;
    }

    public static Option<bool> NoCache() => new("--no-cache")
    {
        Description = "Fetch every merge request's discussions and commits again instead of reusing .evidence-cache/.",
    };

    /// <summary>
    /// The config named by <c>--config</c>, or <c>evidence.yml</c> in the current folder when that
    /// exists; null when neither is there and <paramref name="required"/> is false.
    /// </summary>
    public static EvidenceConfig? LoadConfig(ParseResult parse, Option<FileInfo> option, bool required)
    {
        var given = parse.GetValue(option);
        if (given is not null)
        {
            return ConfigLoader.Load(given.FullName);
        }

        if (File.Exists(DefaultConfigFile) || required)
        {
            return ConfigLoader.Load(DefaultConfigFile);
        }

        return null;
    }
}
