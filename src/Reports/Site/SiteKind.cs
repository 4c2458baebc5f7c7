namespace Reports.Site;

/// <summary>What an output folder already holds, told from where its students' weeks are (see <see cref="SiteEntries"/>).</summary>
internal enum SiteKind
{
    /// <summary>No week of ours: an empty or new folder, or one holding only other files.</summary>
    None,

    /// <summary>One student's site: weeks at the top, listed in <c>weeks.json</c>.</summary>
    Student,

    /// <summary>A team's site: a folder per student, <c>{username}/weeks.json</c>.</summary>
    Team,

    /// <summary>A course's site: a folder per team site, <c>{team}/{username}/weeks.json</c>.</summary>
    Course,
}
