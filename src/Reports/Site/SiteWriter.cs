using System.Text.Json;
using Reports.Rendering;

namespace Reports.Site;

/// <summary>
/// Writes reports into the output folder (<c>{slug}/report.md</c>, <c>{slug}/index.html</c>,
/// <c>{slug}/meta.json</c>) and the site index listing every report there, all in one
/// <see cref="SiteCommit"/>: a failed run leaves the old site, never a mix of two.
/// </summary>
public sealed class SiteWriter(TemplateEngine templates, string outputDirectory, ISiteFileSystem? files = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NewLine = "\n" };

    public string OutputDirectory { get; } = Path.GetFullPath(outputDirectory);

    /// <returns>The paths written, in order.</returns>
    public IReadOnlyList<string> Write(IReadOnlyList<(RenderedReport Report, SiteEntry Entry)> reports, CancellationToken ct = default)
    {
        var commit = new SiteCommit(OutputDirectory, files);

        // A killed run's weeks must be in place before the index lists what is there.
        commit.Recover();

        var site = new List<SiteFile>();
        foreach (var (report, entry) in reports)
        {
            site.Add(new SiteFile($"{report.Slug}/report.md", report.Markdown));
            site.Add(new SiteFile($"{report.Slug}/index.html", report.Html));
            site.Add(new SiteFile($"{report.Slug}/meta.json", JsonSerializer.Serialize(entry, Json) + "\n"));
        }

        var entries = ExistingEntries()
            .Where(e => reports.All(r => r.Entry.Slug != e.Slug))
            .Concat(reports.Select(r => r.Entry))
            .OrderBy(e => e.Start)
            .ThenBy(e => e.Slug, StringComparer.Ordinal)
            .ToList();
        site.Add(new SiteFile("index.html", RenderIndex(entries)));

        return commit.Commit(site, ct);
    }

    private string RenderIndex(IReadOnlyList<SiteEntry> entries)
    {
        var css = templates.ReadAsset("style.css");
        var title = entries.Count > 0 ? IndexTitle(entries[^1].Title) : "Evidence reports";
        var student = entries.Count > 0 ? entries[^1].Student : null;
        return templates.Render("index.html.sbn", new { Title = title, Student = student, Reports = entries }, new Dictionary<string, object?>
        {
            ["css"] = css,
            ["content_security_policy"] = ReportRenderer.ContentSecurityPolicy(css),
        });
    }

    // "PPL: Communication and Knowledge Sharing [Sprint 2, Week 1]" → "PPL: Communication and Knowledge Sharing"
    private static string IndexTitle(string reportTitle)
    {
        var bracket = reportTitle.LastIndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 ? reportTitle[..bracket] : reportTitle;
    }

    private IEnumerable<SiteEntry> ExistingEntries()
    {
        if (!Directory.Exists(OutputDirectory))
        {
            yield break;
        }

        foreach (var meta in Directory.EnumerateFiles(OutputDirectory, "meta.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            SiteEntry? entry = null;
            try
            {
                entry = JsonSerializer.Deserialize<SiteEntry>(File.ReadAllText(meta), Json);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                // A foreign or damaged meta.json is not ours to list.
            }

            if (entry is not null && Path.GetFileName(Path.GetDirectoryName(meta)) == entry.Slug)
            {
                yield return entry;
            }
        }
    }
}
