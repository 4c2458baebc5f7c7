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

    /// <summary>The longest name a tutor's page gets, before <c>.html</c> and a number for a second tutor of that name.</summary>
    internal const int MaxTutorSlug = 64;

    /// <summary>The team sites in <paramref name="site"/>, by folder name; folders that are not team sites are left out.</summary>
    /// <param name="existing">True when the caller writes the course itself: a missing folder then holds no team yet.</param>
    public static IReadOnlyList<CourseTeam> Teams(string site, bool existing = false)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (!Directory.Exists(site))
        {
            return existing ? [] : throw new EvidenceException($"'{site}' does not exist; give --site the folder that holds one team site per folder (public/ in the course recipe)");
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

            // A team site written before team.json lists its students by folder, without tutors.
            var members = TeamSummary.In(folder)?.Students
                ?? [.. Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).Select(f => new TeamMember(Path.GetFileName(f)))];
            var students = members.Select(m => (m, (IReadOnlyList<SiteEntry>)[.. SiteEntries.In(Path.Combine(folder, m.Username)).OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal)]));
            if (Team(name, [.. students]) is { } team)
            {
                teams.Add(team with { TeamWeeks = TeamWeeks.In(folder) });
            }
        }

        return teams;
    }

    /// <summary>
    /// A team this run wrote, from its layout and each student's weeks by folder, oldest first; a team that
    /// is not part of a course has the name "" and links relative to its own root.
    /// </summary>
    public static CourseTeam? Team(SiteLayout layout, IReadOnlyDictionary<string, List<SiteEntry>> known)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(known);
        var students = layout.Students.Select(s => (new TeamMember(s.Username, s.Name, layout.TutorOf(s.Username)), (IReadOnlyList<SiteEntry>)known[layout.FolderOf(s.Username)]));
        return Team(layout.Name ?? "", [.. students]);
    }

    // The students with at least one week, in the team's order; null when none has one.
    private static CourseTeam? Team(string name, IReadOnlyList<(TeamMember Member, IReadOnlyList<SiteEntry> Weeks)> students)
    {
        var folder = name.Length == 0 ? "" : Uri.EscapeDataString(name) + "/";
        var listed = new List<CourseStudent>();
        foreach (var (member, weeks) in students)
        {
            if (weeks.Count == 0)
            {
                continue;
            }

            var latest = weeks[^1];
            var studentHref = folder + Uri.EscapeDataString(member.Username);
            listed.Add(new CourseStudent(member.Username, member.Name ?? latest.Student ?? member.Username, studentHref + "/index.html", latest, $"{studentHref}/{Uri.EscapeDataString(latest.Slug)}/index.html")
            {
                Tutor = member.Tutor,
                Weeks = weeks,
            });
        }

        if (listed.Count == 0)
        {
            return null;
        }

        var newest = listed.Select(s => s.Latest).OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal).Last();
        return new CourseTeam(name, folder + "index.html", listed, newest);
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

        return new SiteCommit(site, files).Commit([.. Pages(teams, title), .. GradeBook.Files("", GradeBook.Rows(teams))], ct)[0];
    }

    /// <summary>The course index and a view per tutor (<c>tutor/{name}.html</c>) when the roster names tutors.</summary>
    public IEnumerable<SiteFile> Pages(IReadOnlyList<CourseTeam> teams, string? title)
    {
        var tutors = TutorViews(teams);
        yield return new SiteFile("index.html", Render(teams, title, tutors));
        foreach (var view in tutors)
        {
            yield return new SiteFile(view.Href, Render([.. teams.Where(t => t.Tutors.Contains(view.Name, StringComparer.Ordinal))], title, tutors, view.Name));
        }
    }

    /// <summary>
    /// Each tutor's page, named by the tutor's name in lower-case letters and digits, at most <see cref="MaxTutorSlug"/>
    /// of them ("Bu Ratna" → <c>tutor/bu-ratna.html</c>); a second tutor of the same name gets a number.
    /// </summary>
    internal static IReadOnlyList<TutorView> TutorViews(IReadOnlyList<CourseTeam> teams)
    {
        var views = new List<TutorView>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tutor in teams.SelectMany(t => t.Tutors).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var slug = string.Join('-', new string([.. tutor.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));

            // A file name stays far below the 255 bytes a file system allows, whatever the roster holds.
            slug = slug.Length == 0 ? "tutor" : slug[..Math.Min(slug.Length, MaxTutorSlug)].TrimEnd('-');
            var unique = slug;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }

            views.Add(new TutorView(tutor, $"tutor/{unique}.html"));
        }

        return views;
    }

    /// <summary>The course index of <paramref name="teams"/>, or the view of one <paramref name="tutor"/> (in <c>tutor/</c>).</summary>
    public string Render(IReadOnlyList<CourseTeam> teams, string? title, IReadOnlyList<TutorView>? tutors = null, string? tutor = null)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var newest = teams.Select(t => t.Latest).OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal).LastOrDefault();
        return templates.RenderPage("course.html.sbn", new
        {
            Title = string.IsNullOrWhiteSpace(title) ? newest is null ? DefaultTitle : SitePages.IndexTitle(newest.Title) : title.Trim(),
            Teams = teams,
            Students = teams.Sum(t => t.Students.Count),
            Collected = SiteEntry.NewestCollected(teams.SelectMany(t => t.Students).Select(s => s.Latest)),
            Tutors = tutors ?? [],
            Tutor = tutor,
            Base = tutor is null ? "" : "../",
        });
    }
}
