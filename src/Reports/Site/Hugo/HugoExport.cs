using Reports.Config;
using Reports.Notes;
using Reports.Site.Feeds;

namespace Reports.Site.Hugo;

/// <summary>
/// Writes reports as Hugo page bundles for <c>site.format: hugo</c>: <c>content/{section}/{slug}/index.md</c>
/// for one student, <c>content/{section}/{username}/{slug}/index.md</c> in team mode (so permalinks
/// mirror the HTML site's), each with YAML front matter (title, date, draft, tags, summary) and the
/// report's charts as <c>{id}.svg</c> and the notes' images beside it (page resources, which the page's
/// relative image links find). Only these files are written, in one
/// <see cref="SiteCommit"/> with the run's other outputs: the section's <c>_index.md</c>, the site config and the layouts stay the Hugo site's own.
/// Team weeks, indexes and the grade book are not exported.
/// </summary>
internal sealed class HugoExport(string section = ConfigSchema.Site.DefaultHugoSection) : ISiteOutput
{
    public const string ContentFolder = "content";

    public string Name => "hugo";

    public WeekDrawing Draws => WeekDrawing.Hugo;

    /// <summary>The Hugo site's own files are never touched, so there is nothing a run could damage.</summary>
    public void CheckWritable(SiteLayout? team)
    {
    }

    /// <returns>The bundle's <c>index.md</c>, then its charts and the notes' images.</returns>
    public IEnumerable<SiteFile> Week(SiteLayout layout, string folder, DrawnWeek week)
    {
        var page = week.Hugo ?? throw new ArgumentException("the Hugo export needs the week's Hugo page drawn", nameof(week));
        var bundle = $"{ContentFolder}/{section}/{folder}{week.Entry.Slug}/";
        yield return new SiteFile(bundle + "index.md", Page(layout, week.Entry, page.Markdown));
        var charts = page.Charts.Where(c => !c.IsEmpty).Select(c => $"{c.Id}.svg").ToList();
        foreach (var chart in page.Charts.Where(c => !c.IsEmpty))
        {
            yield return new SiteFile($"{bundle}{chart.Id}.svg", chart.Svg + "\n");
        }

        foreach (var image in page.Images)
        {
            if (charts.Contains(image.Path, StringComparer.OrdinalIgnoreCase))
            {
                throw new EvidenceException($"{image.NotesFile}:{image.Line}: image '{image.Url}' has the name of the page's own chart file in the Hugo bundle: rename the image (e.g. my-{image.Path})");
            }

            yield return SiteFile.Binary(bundle + image.Path, NoteImages.Read(image));
        }
    }

    /// <summary>No indexes: the Hugo site lists its pages itself.</summary>
    public IEnumerable<SiteFile> Team(TeamRun team) => [];

    public IEnumerable<SiteFile> Course(CourseRun course) => [];

    private static string Page(SiteLayout layout, SiteEntry entry, string markdown)
    {
        var title = layout.IsTeam && entry.Student is { } student ? $"{student}: {entry.Title}" : entry.Title;
        var summary = entry.Counts is { } counts ? $"{entry.Label}: {counts.Describe()}." : $"{entry.Label}.";
        var front = HugoFrontMatter.Write(title, FeedDates.Updated(entry), Tags(entry), summary);
        return $"{front}\n{markdown.TrimEnd('\n')}\n";
    }

    /// <summary>The course, the student's username and the sprint ("Sprint 2"), those the entry knows.</summary>
    private static List<string> Tags(SiteEntry entry)
    {
        var sprint = entry.Label.StartsWith("Sprint ", StringComparison.Ordinal) && entry.Label.IndexOf(',', StringComparison.Ordinal) is > 0 and var comma
            ? entry.Label[..comma]
            : null;
        return [.. new[] { entry.Course, entry.Username, sprint }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())];
    }
}
