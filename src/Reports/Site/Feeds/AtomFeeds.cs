using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Reports.Model;
using Reports.Pipeline;

namespace Reports.Site.Feeds;

/// <summary>
/// The site's Atom feeds (<c>feed.xml</c>): one per student beside their index, and in team mode
/// one for the team at the top. Links are absolute under <c>site.base_url</c> and relative to the
/// feed otherwise; ids are the absolute links, or <see cref="FeedIds"/> tag URIs without a base URL.
/// Every date comes from the data (<see cref="FeedDates"/>), so unchanged data gives the same bytes.
/// Titles and names from the data are written as Atom <c>text</c>, which the XML writer escapes.
/// </summary>
internal sealed class AtomFeeds(Uri? baseUrl)
{
    public const string FileName = "feed.xml";

    public const string MediaType = "application/atom+xml";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <param name="weeks">The student's weeks, oldest first.</param>
    /// <param name="student">The team member, or null for a one-student site.</param>
    /// <param name="folder">The student's folder relative to the site: "" or <c>"{username}/"</c>.</param>
    /// <param name="team">In team mode every student's weeks: the feed's tag id takes its host and year from
    /// the team's oldest week, so a student's feed has its id before their first week.</param>
    public string Student(IReadOnlyList<SiteEntry> weeks, Person? student, string folder, IReadOnlyList<SiteEntry>? team = null)
    {
        var newest = weeks.Count > 0 ? weeks[^1] : null;
        var name = student?.DisplayName ?? newest?.Student;
        var title = newest is null ? "Evidence reports" : SitePages.IndexTitle(newest.Title);
        var feed = NewFeed(
            name is null ? title : $"{title}: {name}",
            weeks,
            folder,
            baseUrl is null ? FeedIds.Feed(team ?? weeks, student?.Username ?? newest?.Username) : null);
        if (name is not null)
        {
            feed.Authors.Add(new SyndicationPerson { Name = XmlSafe(name) });
        }

        feed.Items = [.. Newest(weeks).Select(w => Item(w, w.Title, folder, folder))];
        return Write(feed);
    }

    /// <param name="students">Each student with their weeks, oldest first.</param>
    /// <param name="root">The team's folder relative to the site: "" or, in a course, <c>"{team}/"</c>.</param>
    /// <param name="name">The team's name in a course, which its feed's id holds.</param>
    public string Team(IReadOnlyList<(Person Student, string Folder, IReadOnlyList<SiteEntry> Weeks)> students, string root = "", string? name = null)
    {
        var all = students.SelectMany(s => s.Weeks).ToList();
        var newest = all.OrderBy(w => w.Start).ThenBy(w => w.Slug, StringComparer.Ordinal).LastOrDefault();
        var feed = NewFeed(
            newest is null ? "Evidence reports: team" : $"{SitePages.IndexTitle(newest.Title)}: team",
            all,
            root,
            baseUrl is null ? FeedIds.Feed(all, username: null, team: name) : null);
        var byEntry = students.SelectMany(s => s.Weeks.Select(w => (Week: w, s.Folder, s.Student))).ToList();
        feed.Items = [.. Newest(all).Select(w =>
        {
            var (_, folder, student) = byEntry.First(x => ReferenceEquals(x.Week, w));
            var item = Item(w, $"{student.DisplayName}: {w.Title}", folder, root);
            if (item.Authors.Count == 0)
            {
                item.Authors.Add(new SyndicationPerson { Name = XmlSafe(student.DisplayName) });
            }

            return item;
        })];
        return Write(feed);
    }

    private SyndicationFeed NewFeed(string title, IReadOnlyList<SiteEntry> weeks, string folder, string? tagId)
    {
        var feed = new SyndicationFeed
        {
            Title = Text(title),
            Id = tagId ?? Absolute(folder + FileName),
            Generator = "evidence",

            // The newest change among the weeks listed; a feed with none says the epoch rather than the build time.
            LastUpdatedTime = weeks.Count == 0 ? DateTimeOffset.UnixEpoch : weeks.Max(FeedDates.Updated).ToUniversalTime(),
        };
        feed.Links.Add(new SyndicationLink(Href("index.html", folder, folder), "alternate", null, "text/html", 0));
        if (baseUrl is not null)
        {
            feed.Links.Add(new SyndicationLink(new Uri(Absolute(folder + FileName)), "self", null, MediaType, 0));
        }

        return feed;
    }

    /// <param name="folder">The entry's student folder relative to the site.</param>
    /// <param name="feedFolder">The folder the feed is written in, which relative links start from.</param>
    private SyndicationItem Item(SiteEntry week, string title, string folder, string feedFolder)
    {
        var page = $"{Uri.EscapeDataString(week.Slug)}/index.html";
        var item = new SyndicationItem
        {
            Title = Text(title),
            Id = baseUrl is null ? FeedIds.Entry(week) : Absolute(folder + page),
            LastUpdatedTime = FeedDates.Updated(week).ToUniversalTime(),
            Summary = Text(week.Counts is { } counts
                ? $"{week.Label} ({week.Start:yyyy-MM-dd} to {week.End:yyyy-MM-dd}): {counts.Describe()}."
                : $"{week.Label} ({week.Start:yyyy-MM-dd} to {week.End:yyyy-MM-dd})."),
        };
        item.Links.Add(new SyndicationLink(Href(page, folder, feedFolder), "alternate", null, "text/html", 0));
        if (week.Student is { } name)
        {
            item.Authors.Add(new SyndicationPerson { Name = XmlSafe(name) });
        }

        return item;
    }

    /// <summary>A page of the site: absolute under the base URL, else relative to the feed's folder.</summary>
    private Uri Href(string page, string folder, string feedFolder)
    {
        if (baseUrl is not null)
        {
            return new Uri(Absolute(folder + page));
        }

        var relative = folder.StartsWith(feedFolder, StringComparison.Ordinal) ? folder[feedFolder.Length..] : folder;
        return new Uri(relative + page, UriKind.Relative);
    }

    // Folders are usernames, which StudentFolder keeps to URL-safe characters; slugs are escaped where the page path is made.
    private string Absolute(string sitePath) => new Uri(baseUrl!, sitePath).AbsoluteUri;

    private static IEnumerable<SiteEntry> Newest(IEnumerable<SiteEntry> weeks) =>
        weeks.OrderByDescending(FeedDates.Updated).ThenByDescending(w => w.Start).ThenBy(w => w.Username, StringComparer.Ordinal).ThenBy(w => w.Slug, StringComparer.Ordinal);

    private static TextSyndicationContent Text(string text) => new(XmlSafe(text));

    /// <summary>
    /// XML 1.0 cannot hold every character (a NUL, most control characters, a lone surrogate), and
    /// data can: each such character becomes U+FFFD, so the feed stays well-formed. Bidirectional
    /// controls, which a reader would not see, show as <c>&lt;U+202E&gt;</c>.
    /// </summary>
    private static string XmlSafe(string text)
    {
        text = BidiControls.Reveal(text);
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return safe.ToString();
    }

    private static string Write(SyndicationFeed feed)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
