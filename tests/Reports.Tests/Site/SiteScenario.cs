using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Rendering;
using Reports.Site;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Site;

/// <summary>
/// An old site (weeks 1 and 2 of sprint 2, and files of the student's own beside them) and a run
/// that rewrites both weeks with new notes and the student's full name and adds week 3: ten
/// files, every one of them different.
/// </summary>
internal sealed class SiteScenario
{
    public static readonly TemplateEngine Templates = new(new TemplateRoots(TemplateRoots.ShippedDirectory));

    private static readonly ReportGenerator Generator = new(Templates, ConfigSchema.Review.DefaultLevels);

    /// <summary>Files that <c>evidence</c> did not write, some named like temp files but not ours.</summary>
    public static readonly IReadOnlyDictionary<string, string> Foreign = new Dictionary<string, string>
    {
        ["my-notes.txt"] = "mine",
        ["sprint-2-week-1/photo.svg"] = "<svg/>",
        ["sprint-2-week-1/.report.md.tmp"] = "an editor's swap file",
        ["sprint-2-week-1/.index.html.evidence-1234.tmp"] = "not a name evidence makes",
        ["drafts/meta.json"] = "not json",
    };

    public static IReadOnlyList<(RenderedReport, SiteEntry)> OldWeeks { get; } = Render("Abhipraya", "Old narrative.", 1, 2);

    public static IReadOnlyList<(RenderedReport, SiteEntry)> NewWeeks { get; } = Render("Abhipraya Putra", "New narrative.", 1, 2, 3);

    public static Snapshot Week(int week, string student = "Abhipraya")
    {
        var sample = Snapshots.Sample();
        var days = 7 * (week - 1);
        return sample with
        {
            Student = sample.Student with { Name = student },
            Window = sample.Window with { Start = sample.Window.Start.AddDays(days), End = sample.Window.End.AddDays(days), Week = week },
        };
    }

    /// <summary>The old site with the foreign files, written into <paramref name="root"/>.</summary>
    public static SiteTree WriteOldSite(string root)
    {
        new SiteWriter(Templates, root).Write(OldWeeks);
        foreach (var (path, content) in Foreign)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), content);
        }

        return SiteTree.Read(root);
    }

    private static List<(RenderedReport, SiteEntry)> Render(string student, string narrative, params int[] weeks) =>
        [.. weeks.Select(w => Generator.Render(Week(w, student), NotesParser.Parse($"## Overview\n\n{narrative}\n")))];
}
