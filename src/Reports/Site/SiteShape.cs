namespace Reports.Site;

/// <summary>
/// Tells which kind of site a folder holds, so a run never writes one kind of site over another
/// (a one-student index over a team page, or a team page over a student's index).
/// </summary>
internal static class SiteShape
{
    /// <summary>The kind of site in <paramref name="directory"/>, from the first week of ours found at the top, one level down or two.</summary>
    public static SiteKind Of(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return SiteKind.None;
        }

        if (SiteEntries.In(directory).Any())
        {
            return SiteKind.Student;
        }

        var folders = Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal).ToList();
        if (folders.Any(f => SiteEntries.In(f).Any()))
        {
            return SiteKind.Team;
        }

        return folders.Any(f => Directory.EnumerateDirectories(f).Any(s => SiteEntries.In(s).Any())) ? SiteKind.Course : SiteKind.None;
    }

    /// <summary>Throws when <paramref name="directory"/> holds a kind of site that a run of <paramref name="layout"/> would damage.</summary>
    public static void CheckWritable(string directory, SiteLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Root.Length > 0)
        {
            // A team of a course: the course folder holds team sites, and the team's folder is one of them.
            CheckWritableCourse(directory);
            if (Of(Path.Combine(directory, layout.Root)) is SiteKind.Student or SiteKind.Course)
            {
                throw new EvidenceException($"'{Path.Combine(directory, layout.Root)}' holds another kind of site than a team's; move it away or give another --out");
            }

            return;
        }

        var kind = Of(directory);
        var problem = (kind, layout.IsTeam) switch
        {
            (SiteKind.Team, false) => "holds a team site (a folder per student); a one-student run would replace its team page: give the team's config (--config) or another --out",
            (SiteKind.Student, true) => "holds one student's site (weeks at the top); a team run would replace that student's index with the team page: give another --out (or output:), or move the old site away",
            (SiteKind.Course, _) => "holds a course site (a folder per team); write each team's site into its own folder, e.g. --out public/TEAM, and the course index with 'evidence course-index'",
            _ => null,
        };
        if (problem is not null)
        {
            throw new EvidenceException($"'{directory}' {problem}");
        }
    }

    /// <summary>Throws unless <paramref name="directory"/> is empty, new, or a course's folder of team sites.</summary>
    public static void CheckWritableCourse(string directory)
    {
        var problem = Of(directory) switch
        {
            SiteKind.Student => "holds one student's site (weeks at the top); a course writes a folder per team and the course index there: give another --out",
            SiteKind.Team => "holds a team site (a folder per student); a course writes a folder per team and the course index there: give another --out",
            _ => null,
        };
        if (problem is not null)
        {
            throw new EvidenceException($"'{directory}' {problem}");
        }
    }
}
