using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using Reports.Config;
using Reports.Model;
using Reports.Notes;
using Reports.Site;
using Reports.Site.Feeds;
using Reports.Tests.Support;
using Reports.Pipeline;

namespace Reports.Tests.Site;

/// <summary>The Atom feeds: one per student beside their index, one for the team at the top.</summary>
public sealed partial class FeedTests
{
    private static readonly ReportGenerator Generator = new(SiteScenario.Templates, ConfigSchema.Review.DefaultLevels);

    [Fact]
    public async Task Demo_team_feeds_parse_with_unique_absolute_ids_and_links_to_files_of_the_site()
    {
        using var site = new TempDirectory();

        var result = await EvidenceCli.RunAsync("demo", "--team", "--out", site.Path);

        Assert.Equal(0, result.ExitCode);
        var feeds = Directory.GetFiles(site.Path, AtomFeeds.FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(1 + 4, feeds.Count);
        var allIds = new List<string>();
        foreach (var path in feeds)
        {
            var feed = Load(path);
            var where = Path.GetRelativePath(site.Path, path);
            var team = where == AtomFeeds.FileName;
            Assert.Equal(team ? 4 * 3 : 3, feed.Items.Count());
            Assert.Matches(TagUri(), feed.Id);
            Assert.All(feed.Items, item => Assert.Matches(TagUri(), item.Id));
            Assert.Equal(feed.Items.Count(), feed.Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
            foreach (var link in feed.Links.Concat(feed.Items.SelectMany(i => i.Links)))
            {
                Assert.False(link.Uri.IsAbsoluteUri, $"{where}: '{link.Uri}' is absolute without a base URL");
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(link.Uri.OriginalString))), $"{where}: '{link.Uri}' does not resolve to a file");
            }

            if (!team)
            {
                allIds.AddRange(feed.Items.Select(i => i.Id));
            }
        }

        // A week is the same entry in its student's feed and in the team's, and no two weeks share an id.
        Assert.Equal(12, allIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(allIds.Order(StringComparer.Ordinal), Load(site.Combine(AtomFeeds.FileName)).Items.Select(i => i.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_index_links_its_feed_as_an_alternate()
    {
        using var site = new TempDirectory();

        await EvidenceCli.RunAsync("demo", "--team", "--out", site.Path);

        foreach (var index in new[] { "index.html", "abhipraya/index.html" })
        {
            Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\"", File.ReadAllText(site.Combine(index)));
        }
    }

    [Fact]
    public void Under_a_base_url_links_and_ids_are_absolute_urls_of_the_pages()
    {
        using var site = new TempDirectory();
        var config = new SiteConfig { BaseUrl = new Uri("https://ppl.gitlab.io/sira-evidence/") };

        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty), (SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path, SiteLayout.Team([new Person("abhipraya")]), config);

        var student = Load(site.Combine("abhipraya", AtomFeeds.FileName));
        Assert.Equal("https://ppl.gitlab.io/sira-evidence/abhipraya/feed.xml", student.Id);
        Assert.Equal(
            ["https://ppl.gitlab.io/sira-evidence/abhipraya/sprint-2-week-2/index.html", "https://ppl.gitlab.io/sira-evidence/abhipraya/sprint-2-week-1/index.html"],
            student.Items.Select(i => i.Links.Single().Uri.AbsoluteUri));
        Assert.Equal(student.Items.Select(i => i.Links.Single().Uri.AbsoluteUri), student.Items.Select(i => i.Id));
        Assert.Contains(student.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == student.Id);
        Assert.Equal("https://ppl.gitlab.io/sira-evidence/abhipraya/index.html", student.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        var team = Load(site.Combine(AtomFeeds.FileName));
        Assert.Equal("https://ppl.gitlab.io/sira-evidence/feed.xml", team.Id);
        Assert.Equal(student.Items.Select(i => i.Id), team.Items.Select(i => i.Id));
    }

    [Fact]
    public void Updated_is_the_end_of_a_finished_window_and_the_collection_time_of_an_open_one()
    {
        var finished = Snapshots.Sample();
        var open = finished with { Sources = [.. finished.Sources!.Select(s => s with { CollectedAt = new DateTimeOffset(2025, 3, 27, 9, 30, 0, TimeSpan.Zero) })] };
        var v1 = finished with { Sources = null };

        // Asia/Jakarta is UTC+7: the window Mar 24–30 ends at Mar 31 00:00 local, Mar 30 17:00 UTC.
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 17, 0, 0, TimeSpan.Zero), FeedDates.Updated(finished));
        Assert.Equal(new DateTimeOffset(2025, 3, 27, 9, 30, 0, TimeSpan.Zero), FeedDates.Updated(open));
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 17, 0, 0, TimeSpan.Zero), FeedDates.Updated(v1));

        using var site = new TempDirectory();
        Generator.RenderAndWrite([(open, NarrativeNotes.Empty)], site.Path);
        var feed = Load(site.Combine(AtomFeeds.FileName));
        Assert.Equal(new DateTimeOffset(2025, 3, 27, 9, 30, 0, TimeSpan.Zero), feed.Items.Single().LastUpdatedTime);
        Assert.Equal(feed.Items.Single().LastUpdatedTime, feed.LastUpdatedTime);
    }

    [Fact]
    public void Rebuilding_unchanged_data_gives_byte_identical_feeds()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        List<(Snapshot, NarrativeNotes)> weeks = [(SiteScenario.Week(1), NarrativeNotes.Empty), (SiteScenario.Week(2), NarrativeNotes.Empty)];

        Generator.RenderAndWrite(weeks, first.Path);
        var before = File.ReadAllBytes(first.Combine(AtomFeeds.FileName));
        Thread.Sleep(1100);
        Generator.RenderAndWrite(weeks, first.Path);
        Generator.RenderAndWrite(weeks.AsEnumerable().Reverse(), second.Path);

        Assert.Equal(before, File.ReadAllBytes(first.Combine(AtomFeeds.FileName)));
        Assert.Equal(before, File.ReadAllBytes(second.Combine(AtomFeeds.FileName)));
        Assert.DoesNotContain((byte)'\r', before);
        Assert.NotEqual(0xEF, before[0]);
    }

    [Fact]
    public void A_later_run_keeps_the_weeks_of_earlier_runs_in_the_feed()
    {
        using var site = new TempDirectory();

        Generator.RenderAndWrite([(SiteScenario.Week(1), NarrativeNotes.Empty)], site.Path);
        Generator.RenderAndWrite([(SiteScenario.Week(2), NarrativeNotes.Empty)], site.Path);

        Assert.Equal(["sprint-2-week-2/index.html", "sprint-2-week-1/index.html"], Load(site.Combine(AtomFeeds.FileName)).Items.Select(i => i.Links.Single().Uri.OriginalString));
    }

    [Fact]
    public void Hostile_titles_and_names_stay_text()
    {
        using var site = new TempDirectory();
        const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>]]>&amp;\"'";
        var hostile = new Person("eve", "Eve " + Payload);
        var week = SiteScenario.Week(1) with { Student = hostile, Course = "PPL " + Payload };

        Generator.RenderAndWrite([(week, NarrativeNotes.Empty)], site.Path, SiteLayout.Team([hostile]));

        foreach (var path in new[] { site.Combine(AtomFeeds.FileName), site.Combine("eve", AtomFeeds.FileName) })
        {
            var xml = File.ReadAllText(path);
            Assert.DoesNotContain("<script", xml);
            Assert.DoesNotContain("<img", xml);
            var feed = Load(path);
            var item = feed.Items.Single();
            Assert.Equal("text", item.Title.Type);
            Assert.Contains("PPL " + Payload + ": Communication and Knowledge Sharing", item.Title.Text);
            Assert.Equal("Eve " + Payload, item.Authors.Single().Name);
            Assert.Equal("text", feed.Title.Type);

            // The course is percent-encoded into the tag URI, which stays one absolute URI.
            Assert.Matches(TagUri(), item.Id);
        }
    }

    [Fact]
    public void Characters_xml_cannot_hold_become_replacement_characters_and_the_feed_still_parses()
    {
        using var site = new TempDirectory();
        var odd = new Person("eve", "Eve\u0000\u001B[31m \uD83D\uDE00 \uD800");
        var week = SiteScenario.Week(1) with { Student = odd, Course = "PPL\u0007" };

        Generator.RenderAndWrite([(week, NarrativeNotes.Empty)], site.Path, SiteLayout.Team([odd]));

        var item = Load(site.Combine("eve", AtomFeeds.FileName)).Items.Single();
        Assert.Equal("Eve\uFFFD\uFFFD[31m \uD83D\uDE00 \uFFFD", item.Authors.Single().Name);
        Assert.StartsWith("PPL\uFFFD", item.Title.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gitlab.example.ac.id", "gitlab.example.ac.id")]
    [InlineData("GitLab.Example.COM", "gitlab.example.com")]
    [InlineData("[::1]", FeedIds.UnknownInstance)]
    [InlineData(null, FeedIds.UnknownInstance)]
    [InlineData("-bad-.example", FeedIds.UnknownInstance)]
    public void Tag_uris_name_the_gitlab_host_or_a_reserved_name(string? instance, string authority)
    {
        var entry = new SiteEntry("sprint-2-week-1", "T", "Sprint 2, Week 1", new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 30), "A", "abhipraya", null, "PPL 2025/26", instance);

        var id = FeedIds.Entry(entry);

        Assert.Equal($"tag:{authority},2025-03-24:PPL%202025%2F26/abhipraya/sprint-2-week-1", id);
        Assert.Matches(TagUri(), id);
        Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _));
    }

    [Theory]
    [InlineData("feed.xml")]
    [InlineData("FEED.XML")]
    public void A_username_the_feed_uses_is_refused(string username) =>
        Assert.Contains("uses for itself", StudentFolder.Problem(username));

    private static SyndicationFeed Load(string path)
    {
        using var reader = XmlReader.Create(path);
        return SyndicationFeed.Load(reader);
    }

    // RFC 4151: "tag:" taggingEntity ":" specific, with taggingEntity = DNSname "," date (YYYY[-MM[-DD]]).
    [GeneratedRegex(@"\Atag:[a-z0-9]([a-z0-9\-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9\-]*[a-z0-9])?)*,\d{4}(-\d{2}(-\d{2})?)?:([A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*\z")]
    private static partial Regex TagUri();
}
