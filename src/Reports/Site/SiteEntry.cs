namespace Reports.Site;

/// <summary>
/// One week on the site, kept in its student's <c>weeks.json</c> (see <see cref="SiteEntries"/>) so
/// that later runs can list it. <see cref="Username"/>, <see cref="Counts"/>, <see cref="Course"/>,
/// <see cref="Instance"/> and <see cref="Updated"/> were added later: an entry without them still
/// lists, without numbers, and its feed entry falls back to the window's dates.
/// </summary>
/// <param name="Course">The snapshot's course, for feed ids.</param>
/// <param name="Instance">Host name of the GitLab instance the facts came from, for feed ids.</param>
/// <param name="Updated">When the week's data last changed: see <see cref="Feeds.FeedDates.Updated"/>.</param>
/// <param name="CollectedAt">When the week's data was collected, in its time zone; null for an entry written before this member or from a snapshot that does not say.</param>
/// <param name="InProgress">Collected before the week ended (see <see cref="Calendar.CollectionTime"/>); null (false) for a week that had ended, or an entry written before this member.</param>
internal sealed record SiteEntry(
    string Slug,
    string Title,
    string Label,
    DateOnly Start,
    DateOnly End,
    string? Student = null,
    string? Username = null,
    WeekCounts? Counts = null,
    string? Course = null,
    string? Instance = null,
    DateTimeOffset? Updated = null,
    DateTimeOffset? CollectedAt = null,
    bool? InProgress = null)
{
    /// <summary>The collection time as pages print it, e.g. <c>2025-03-27 14:05 UTC+07:00</c>; null when unknown.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Collected => CollectedAt is { } at ? Calendar.CollectionTime.Format(at) : null;

    /// <summary>The newest collection time of <paramref name="entries"/>, as pages print it in their footer; null when none says.</summary>
    public static string? NewestCollected(IEnumerable<SiteEntry> entries) =>
        entries.Where(e => e.CollectedAt is not null).MaxBy(e => e.CollectedAt)?.Collected;

    /// <summary>The grade book's word for the week: <c>complete</c>, or <c>in-progress</c> when it had not ended when collected.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Status => InProgress == true ? "in-progress" : "complete";
}
