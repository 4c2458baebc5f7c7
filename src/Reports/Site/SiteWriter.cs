using System.Text.Json;
using Reports.Config;
using Reports.Rendering;
using Reports.Site.Feeds;

namespace Reports.Site;

/// <summary>
/// Writes reports into the output folder (<c>{slug}/report.md</c>, <c>{slug}/index.html</c>,
/// <c>{slug}/meta.json</c>; under <c>{username}/</c> in team mode), each student's index and Atom
/// feed (<c>feed.xml</c>), and in team mode the team page and feed, all in one
/// <see cref="SiteCommit"/>: a failed run leaves the old site, never a mix of two.
/// </summary>
/// <remarks>
/// The weeks a page links to (previous, next) and an index lists are those known when the run
/// writes: the <c>meta.json</c> files already there plus this run's. A page written earlier is
/// not rewritten when a later run adds its neighbour; the next run that writes it links it.
/// </remarks>
/// <param name="site">The <c>site:</c> settings; feeds link absolutely under its <c>base_url</c>.</param>
public sealed class SiteWriter(TemplateEngine templates, string outputDirectory, ISiteFileSystem? files = null, SiteConfig? site = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SitePages _pages = new(templates);
    private readonly AtomFeeds _feeds = new(site?.BaseUrl);

    public string OutputDirectory { get; } = Path.GetFullPath(outputDirectory);

    /// <summary>Writes already rendered pages of one student (no previous/next links).</summary>
    /// <returns>The paths written, in order.</returns>
    public IReadOnlyList<string> Write(IReadOnlyList<(RenderedReport Report, SiteEntry Entry)> reports, CancellationToken ct = default) =>
        Write(SiteLayout.Single, [.. reports.Select(r => new SiteWeek(r.Entry.Username ?? "", r.Entry, _ => r.Report))], ct);

    /// <returns>The paths written, in order: each week's files, each student's index and feed, the team page and feed.</returns>
    public IReadOnlyList<string> Write(SiteLayout layout, IReadOnlyList<SiteWeek> weeks, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(weeks);
        SiteShape.CheckWritable(OutputDirectory, layout);
        var commit = new SiteCommit(OutputDirectory, files);

        // A killed run's weeks must be in place before the indexes list what is there.
        commit.Recover();

        var folders = layout.IsTeam ? layout.Students.Select(s => layout.FolderOf(s.Username)).ToList() : [""];
        var known = folders.ToDictionary(f => f, f => KnownWeeks(f, weeks.Where(w => layout.FolderOf(w.Username) == f).Select(w => w.Entry).ToList()));

        return commit.Commit(Files(layout, weeks, known, ct), ct);
    }

    // Each week's files as its page is rendered, then the indexes: the commit writes each as it comes.
    private IEnumerable<SiteFile> Files(SiteLayout layout, IReadOnlyList<SiteWeek> weeks, Dictionary<string, List<SiteEntry>> known, CancellationToken ct)
    {
        // Pages are rendered on every core, a batch at a time, so only one batch of them is in memory.
        foreach (var (week, report) in InOrder.Stream(weeks, w => w.Render(Nav(layout, known[layout.FolderOf(w.Username)], w.Entry.Slug)), batchSize: 32, ct))
        {
            var folder = layout.FolderOf(week.Username);
            var slug = week.Entry.Slug;
            if (report.Slug != slug)
            {
                throw new InvalidOperationException($"the page of '{slug}' was rendered as '{report.Slug}'");
            }

            yield return new SiteFile($"{folder}{slug}/report.md", report.Markdown);
            yield return new SiteFile($"{folder}{slug}/index.html", report.Html);
            yield return new SiteFile($"{folder}{slug}/meta.json", JsonSerializer.Serialize(week.Entry, Json) + "\n");
        }

        if (layout.IsTeam)
        {
            var team = known.Values.SelectMany(w => w).ToList();
            foreach (var student in layout.Students)
            {
                var folder = layout.FolderOf(student.Username);
                yield return new SiteFile($"{folder}index.html", _pages.StudentIndex(known[folder], student, teamHref: "../index.html"));
                yield return new SiteFile($"{folder}{AtomFeeds.FileName}", _feeds.Student(known[folder], student, folder, team));
            }

            yield return new SiteFile("index.html", _pages.TeamPage([.. layout.Students.Select(s => (s, known[layout.FolderOf(s.Username)]))]));
            yield return new SiteFile(AtomFeeds.FileName, _feeds.Team([.. layout.Students.Select(s => (s, layout.FolderOf(s.Username), known[layout.FolderOf(s.Username)]))]));
        }
        else
        {
            yield return new SiteFile("index.html", _pages.StudentIndex(known[""], student: null, teamHref: null));
            yield return new SiteFile(AtomFeeds.FileName, _feeds.Student(known[""], student: null, folder: ""));
        }
    }

    private static WeekNav Nav(SiteLayout layout, List<SiteEntry> known, string slug)
    {
        var i = known.FindIndex(e => e.Slug == slug);
        SiteLink? Link(int at) => at >= 0 && at < known.Count ? new SiteLink($"../{Uri.EscapeDataString(known[at].Slug)}/index.html", known[at].Label) : null;
        return new WeekNav("../index.html", layout.IsTeam ? "../../index.html" : null, Link(i - 1), Link(i + 1));
    }

    /// <summary>The weeks of one folder already on disk, replaced or joined by this run's, oldest first.</summary>
    private List<SiteEntry> KnownWeeks(string folder, IReadOnlyList<SiteEntry> fresh)
    {
        var duplicate = fresh.GroupBy(e => e.Slug, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new EvidenceException($"one run writes '{folder}{duplicate.Key}' twice; give each window once");
        }

        return [.. SiteEntries.In(Path.Combine(OutputDirectory, folder))
            .Where(e => fresh.All(f => f.Slug != e.Slug))
            .Concat(fresh)
            .OrderBy(e => e.Start)
            .ThenBy(e => e.Slug, StringComparer.Ordinal)];
    }
}
