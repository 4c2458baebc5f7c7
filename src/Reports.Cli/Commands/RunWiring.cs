using System.CommandLine;
using Reports.Config;
using Reports.Rendering;

namespace Reports.Cli.Commands;

/// <summary>
/// How the commands that render wire the library's stages from their options and the config,
/// written once: the generator and its templates, the output folder and the list of files written.
/// </summary>
internal static class RunWiring
{
    /// <summary>Templates from <c>--templates</c>, else the config's <c>templates:</c>, over the shipped ones.</summary>
    public static Generator Generator(ParseResult parse, Option<DirectoryInfo>? templatesOption, EvidenceConfig? config)
    {
        var overrides = (templatesOption is null ? null : parse.GetValue(templatesOption)?.FullName) ?? config?.TemplatesDirectory;
        var templates = new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory, overrides));
        return new Generator(templates, config?.Review.Levels ?? ReviewConfig.DefaultLevels);
    }

    /// <summary><c>--out</c>, else the config's <c>output:</c>, else <c>output/</c> in the current folder.</summary>
    public static string OutputFolder(ParseResult parse, Option<DirectoryInfo> outOption, EvidenceConfig? config) =>
        parse.GetValue(outOption)?.FullName ?? config?.OutputDirectory ?? Path.GetFullPath("output");

    public static void Print(TextWriter stdout, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            stdout.WriteLine(path);
        }
    }
}
