namespace Reports.Site;

/// <summary>What an output folder already holds, told from the <c>meta.json</c> files of its weeks.</summary>
public enum SiteKind
{
    /// <summary>No week of ours: an empty or new folder, or one holding only other files.</summary>
    None,

    /// <summary>One student's site: weeks at the top, <c>{slug}/meta.json</c>.</summary>
    Student,

    /// <summary>A team's site: a folder per student, <c>{username}/{slug}/meta.json</c>.</summary>
    Team,

    /// <summary>A course's site: a folder per team site, <c>{team}/{username}/{slug}/meta.json</c>.</summary>
    Course,
}
