using AngleSharp.Html.Parser;

namespace Reports.Tests.Site;

/// <summary>Hostile data in every text a team site shows reaches no page as markup: every page of the site, read as a browser parses it.</summary>
public sealed class HostileTeamSiteTests(HostileTeamSite site) : IClassFixture<HostileTeamSite>
{
    [Fact]
    public void There_are_forty_or_more_payloads_and_each_reaches_the_site_as_text()
    {
        Assert.True(XssPayloads.All.Count >= 40);
        var report = File.ReadAllText(System.IO.Path.Combine(site.Path, site.Pages["report"]));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", report);
        Assert.Contains(HostileTeamSite.Token("student"), File.ReadAllText(System.IO.Path.Combine(site.Path, site.Pages["team page"])));
        Assert.All(site.Students, s => Assert.Contains("<", s.DisplayName, StringComparison.Ordinal));
        var teamWeek = File.ReadAllText(System.IO.Path.Combine(site.Path, site.Pages["team week"]));
        Assert.Contains(HostileTeamSite.Token("title"), teamWeek);
        Assert.Contains(HostileTeamSite.Token("student"), teamWeek);
    }

    [Fact]
    public void No_page_holds_a_script_a_handler_a_frame_or_a_script_url()
    {
        var parser = new HtmlParser();
        var pages = Directory.GetFiles(site.Path, "*.html", SearchOption.AllDirectories);
        Assert.Equal(1 + 2 + 3 + 4 + (4 * 3), pages.Length);
        foreach (var page in pages)
        {
            var where = System.IO.Path.GetRelativePath(site.Path, page);
            var document = parser.ParseDocument(File.ReadAllText(page));

            // A task list item ("- [x] …") is a disabled checkbox, the only input a page may have; the
            // only link element is an index's feed, which loads nothing (its href is checked below).
            var active = document.QuerySelectorAll("script, iframe, frame, object, embed, base, link:not([rel=alternate][type='application/atom+xml']), form, input:not([type=checkbox][disabled]), textarea, select, button, img, video, audio, source, math, noscript, marquee, body [style], meta[http-equiv=refresh]");
            Assert.True(active.Length == 0, $"{where}: {string.Join(", ", active.Select(e => e.OuterHtml[..Math.Min(e.OuterHtml.Length, 200)]))}");
            Assert.Single(document.QuerySelectorAll("style"));
            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: <{element.LocalName} {attribute.Name}>");
                    if (attribute.Name is "href" or "src" or "action" or "xlink:href" or "formaction" or "data")
                    {
                        var url = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
                        Assert.DoesNotMatch("^(javascript|data|vbscript):", url.ToLowerInvariant());
                    }
                }
            }
        }
    }
}
