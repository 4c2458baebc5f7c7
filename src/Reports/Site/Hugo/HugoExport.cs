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
/// <see cref="SiteCommit"/>: the section's <c>_index.md</c>, the site config and the layouts stay the Hugo site's own.
/// </summary>
internal sealed class HugoExport(string outputDirectory, string section = ConfigSchema.Site.DefaultHugoSection, ISiteFileSystem? files = null)
{
    public const string ContentFolder = "content";

    public string OutputDirectory { get; } = Path.GetFullPath(outputDirectory);

    /// <summary>The folder of a week's bundle relative to the output folder, ending in '/'.</summary>
    public string BundleOf(SiteLayout layout, string username, string slug)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return $"{ContentFolder}/{section}/{layout.FolderOf(username)}{slug}/";
    }

    /// <summary>Writes <paramref name="pages"/>, reading them one at a time, so a caller may render each as it is asked for.</summary>
    /// <returns>The paths written, in order: each bundle's <c>index.md</c>, then its charts.</returns>
    public IReadOnlyList<string> Write(SiteLayout layout, IEnumerable<HugoPage> pages, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(pages);
        return WriteCourse([(layout, pages)], ct);
    }

    /// <summary>Writes the pages of several teams (a course: each under its team's folder) in one commit.</summary>
    public IReadOnlyList<string> WriteCourse(IEnumerable<(SiteLayout Layout, IEnumerable<HugoPage> Pages)> teams, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var commit = new SiteCommit(OutputDirectory, files);
        commit.Recover();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return commit.Commit(teams.SelectMany(t => Files(t.Layout, t.Pages, seen)), ct);
    }

    private IEnumerable<SiteFile> Files(SiteLayout layout, IEnumerable<HugoPage> pages, HashSet<string> seen)
    {
        foreach (var page in pages)
        {
            var bundle = BundleOf(layout, page.Username, page.Entry.Slug);
            if (!seen.Add(bundle))
            {
                throw new EvidenceException($"one run writes '{bundle}' twice; give each window once");
            }

            yield return new SiteFile(bundle + "index.md", Page(layout, page));
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
    }

    private static string Page(SiteLayout layout, HugoPage page)
    {
        var entry = page.Entry;
        var title = layout.IsTeam && entry.Student is { } student ? $"{student}: {entry.Title}" : entry.Title;
        var summary = entry.Counts is { } counts ? $"{entry.Label}: {counts.Describe()}." : $"{entry.Label}.";
        var front = HugoFrontMatter.Write(title, FeedDates.Updated(entry), Tags(entry), summary);
        return $"{front}\n{page.Markdown.TrimEnd('\n')}\n";
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
