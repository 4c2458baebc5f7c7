using Reports.Config;
using Reports.Rendering;
using Reports.Site.Hugo;

namespace Reports.Site;

/// <summary>
/// The one place that says which outputs a run writes: the HTML site with its grade book, or the Hugo export
/// (a student's blog, with no indexes of its own). A new output is a class implementing
/// <see cref="ISiteOutput"/> and a line here.
/// </summary>
internal static class SiteOutputs
{
    /// <param name="outputDirectory">The run's output folder, full path.</param>
    public static IReadOnlyList<ISiteOutput> For(SiteConfig site, TemplateEngine templates, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Format switch
        {
            SiteFormat.Hugo => [new HugoExport(site.HugoSection)],
            _ => [new HtmlSite(templates, outputDirectory, site), new GradeBookOutput()],
        };
    }
}
