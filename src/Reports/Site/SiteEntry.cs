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
/// <param name="InProgress">True when the week had not ended when its facts were collected; null (false) otherwise.</param>
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
    bool? InProgress = null)
{
    /// <summary>The grade book's word for the week: <c>complete</c>, or <c>in-progress</c> when it had not ended when collected.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Status => InProgress == true ? "in-progress" : "complete";
}
