using System.CommandLine;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site;
using Reports.Pipeline;

namespace Reports.Cli.Commands;

/// <summary>
/// How the commands that render wire the library's stages from their options and the config,
/// written once: the generator and its templates, the output folder and the list of files written.
/// </summary>
internal static class RunWiring
{
    /// <summary>Templates from <c>--templates</c>, else the config's <c>templates:</c>, over the shipped ones.</summary>
    public static ReportGenerator ReportGenerator(ParseResult parse, Option<DirectoryInfo>? templatesOption, EvidenceConfig? config) =>
        new(Templates(parse, templatesOption, config), config?.Review ?? new ReviewConfig(), config?.Attention);

    /// <summary>The shipped templates under the overrides of <c>--templates</c>, else of the config's <c>templates:</c>.</summary>
    public static TemplateEngine Templates(ParseResult parse, Option<DirectoryInfo>? templatesOption, EvidenceConfig? config)
    {
        var overrides = (templatesOption is null ? null : parse.GetValue(templatesOption)?.FullName) ?? config?.TemplatesDirectory;
        return new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory, overrides));
    }

    /// <summary><c>--out</c>, else the config's <c>output:</c>, else <c>output/</c> in the current folder.</summary>
    public static string OutputFolder(ParseResult parse, Option<DirectoryInfo> outOption, EvidenceConfig? config) =>
        parse.GetValue(outOption)?.FullName ?? config?.OutputDirectory ?? Path.GetFullPath("output");

    /// <summary>The config's <c>site:</c> settings, with <c>--format</c> over its <c>format:</c>.</summary>
    public static SiteConfig Site(ParseResult parse, Option<string> formatOption, EvidenceConfig? config)
    {
        var site = config?.Site ?? new SiteConfig();
        return parse.GetValue(formatOption) switch
        {
            "hugo" => site with { Format = SiteFormat.Hugo },
            "html" => site with { Format = SiteFormat.Html },
            _ => site,
        };
    }

    /// <summary>
    /// A folder per student and a team page for <c>students:</c> or a roster (under the team's folder for a
    /// team of a course, with the roster's tutors); the one-student layout otherwise.
    /// </summary>
    public static SiteLayout Layout(EvidenceConfig? config) =>
        config is { IsTeam: true }
            ? SiteLayout.Team(
                [.. config.Students.Select(s => new Person(s.Username, s.Name))],
                config.TeamName,
                config.Students.Where(s => s.Tutor is not null).ToDictionary(s => s.Username, s => s.Tutor!, StringComparer.OrdinalIgnoreCase))
            : SiteLayout.Single;

    /// <summary>
    /// A student's notes for the week from <c>{notes}/{username}/</c> in team mode, <c>{notes}/</c> otherwise
    /// (<c>notes/</c> in the current folder without a config); a missing file gives a warning naming its path.
    /// </summary>
    public static NarrativeNotes Notes(EvidenceConfig? config, SiteLayout layout, ReportWindow window, string username) =>
        WeekNotes.Load(NotesDirectory(config), window, layout.IsTeam ? layout.Member(username).Username : null, BaseDirectory(config));

    /// <summary>The notes file of a student's week: <c>{notes}/{username}/</c> in team mode, <c>{notes}/</c> otherwise.</summary>
    public static string NotesPath(EvidenceConfig? config, SiteLayout layout, ReportWindow window, string username) =>
        WeekNotes.PathOf(NotesDirectory(config), window, layout.IsTeam ? layout.Member(username).Username : null);

    /// <summary>The warning for a student's missing notes file, without reading it; null when it is there.</summary>
    public static ReportWarning? MissingNotes(EvidenceConfig config, ReportWindow window, string username) =>
        WeekNotes.Check(NotesDirectory(config), window, config.IsTeam ? username : null, BaseDirectory(config));

    /// <summary>Where a site's index is, for the closing line of a run of many reports.</summary>
    public static string SiteIndex(string outputFolder, SiteConfig site) =>
        site.Format == SiteFormat.Hugo ? Path.Combine(outputFolder, "content", site.HugoSection) : Path.Combine(outputFolder, "index.html");

    private static string NotesDirectory(EvidenceConfig? config) => config?.NotesDirectory ?? Path.GetFullPath("notes");

    // Paths on the page are relative to the config's folder (the current one without a config), the same on every machine.
    private static string BaseDirectory(EvidenceConfig? config) =>
        config is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(config.SourcePath)!;

    public static void Print(TextWriter stdout, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            stdout.WriteLine(path);
        }
    }
}
