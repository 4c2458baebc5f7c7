using Reports.Rendering;

namespace Reports.Site;

/// <summary>
/// The index of a course's Pages site (<c>course.html.sbn</c>): the folder holds one team site
/// per folder (<c>{team}/index.html</c>, <c>{team}/{username}/weeks.json</c>), as the
/// course's CI jobs write them, and the index lists each team with its students and their newest
/// week. It is written through a <see cref="SiteCommit"/> like every other page; nothing else in
/// the folder is touched.
/// </summary>
internal sealed class CourseIndex(TemplateEngine templates, ISiteFileSystem? files = null)
{
    private const string DefaultTitle = "Evidence reports";

    /// <summary>The team sites in <paramref name="site"/>, by folder name; folders that are not team sites are left out.</summary>
    public static IReadOnlyList<CourseTeam> Teams(string site)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (!Directory.Exists(site))
        {
            throw new EvidenceException($"'{site}' does not exist; give --site the folder that holds one team site per folder (public/ in the course recipe)");
        }

        switch (SiteShape.Of(site))
        {
            case SiteKind.Student:
                throw new EvidenceException($"'{site}' is one student's site, not a folder of team sites; give --site the folder that holds one team site per folder");
            case SiteKind.Team:
                throw new EvidenceException($"'{site}' is a team site, not a folder of team sites; give --site the folder that holds one team site per folder");
        }

        var teams = new List<CourseTeam>();
        foreach (var folder in Directory.EnumerateDirectories(site).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || !File.Exists(Path.Combine(folder, "index.html")))
            {
                continue;
            }

            var href = Uri.EscapeDataString(name);
            var students = new List<CourseStudent>();
            foreach (var studentFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                var latest = SiteEntries.In(studentFolder).OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal).LastOrDefault();
                if (latest is null)
                {
                    continue;
                }

                var username = Path.GetFileName(studentFolder);
                var studentHref = $"{href}/{Uri.EscapeDataString(username)}";
                students.Add(new CourseStudent(username, latest.Student ?? username, studentHref + "/index.html", latest, $"{studentHref}/{Uri.EscapeDataString(latest.Slug)}/index.html"));
            }

            if (students.Count > 0)
            {
                var newest = students.Select(s => s.Latest).OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal).Last();
                teams.Add(new CourseTeam(name, href + "/index.html", students, newest));
            }
        }

        return teams;
    }

    /// <summary>Writes <c>{site}/index.html</c> listing the team sites in <paramref name="site"/>.</summary>
    /// <param name="title">The page's heading; null for the course title of the newest report.</param>
    /// <returns>The path written.</returns>
    public string Write(string site, string? title, CancellationToken ct = default)
    {
        var teams = Teams(Path.GetFullPath(site));
        if (teams.Count == 0)
        {
            throw new EvidenceException(
                $"no team site in '{site}': a team site is a folder with the team page (TEAM/index.html) and a folder per student (TEAM/USERNAME/weeks.json); build each team with --out {site.TrimEnd('/')}/TEAM first");
        }

        var html = Render(teams, title);
        return new SiteCommit(site, files).Commit([new SiteFile("index.html", html)], ct)[0];
    }

    /// <summary>The course index of <paramref name="teams"/>, as <see cref="Write"/> writes it.</summary>
    public string Render(IReadOnlyList<CourseTeam> teams, string? title)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var newest = teams.Select(t => t.Latest).OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal).LastOrDefault();
        return templates.RenderPage("course.html.sbn", new
        {
            Title = string.IsNullOrWhiteSpace(title) ? newest is null ? DefaultTitle : SitePages.IndexTitle(newest.Title) : title.Trim(),
            Teams = teams,
            Students = teams.Sum(t => t.Students.Count),
            Collected = SiteEntry.NewestCollected(teams.SelectMany(t => t.Students).Select(s => s.Latest)),
        });
    }
}
