using AngleSharp.Html.Parser;
using Reports.Model;
using Reports.Notes;
using Reports.Tests.Golden;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

/// <summary>Text from GitLab and Linear is shown as text; nothing in it runs in the reader's browser.</summary>
public sealed class UntrustedTextTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Golden, "Cases", "untrusted-text");

    private static string RenderHostileWeek()
    {
        var snapshot = SnapshotSerializer.Load(Path.Combine(Folder, "snapshot.json"));
        var notes = NotesParser.Load(Path.Combine(Folder, "notes.md"));
        return GoldenTests.NewGenerator().Render(snapshot, notes).Report.Html;
    }

    [Fact]
    public void Hostile_titles_and_bodies_produce_no_executable_markup()
    {
        var document = new HtmlParser().ParseDocument(RenderHostileWeek());

        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, form, input, img, base, link, meta[http-equiv=refresh]"));

        // The only SVG is the project's own charts, drawn after sanitizing; nothing from the snapshot adds one.
        Assert.Equal(["chart-activity"], document.QuerySelectorAll("svg").Select(svg => svg.ParentElement!.Id!));
        Assert.All(document.QuerySelectorAll("svg"), svg => Assert.Equal("chart", svg.ParentElement!.ClassName));
        Assert.Empty(document.QuerySelectorAll("svg foreignObject, svg a, svg use, svg image, svg script, svg style"));
        var elements = document.All.ToList();
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Single(document.QuerySelectorAll("style"));
        Assert.All(document.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?://|#|\\.\\./)", a.GetAttribute("href")!));
    }

    [Fact]
    public void Hostile_text_is_shown_to_the_reader_as_written()
    {
        var document = new HtmlParser().ParseDocument(RenderHostileWeek());
        var text = document.Body!.TextContent;

        Assert.Contains("<script>alert(1)</script>", text);
        Assert.Contains("<img src=x onerror=alert(1)>", text);
        Assert.Contains("<iframe src=https://evil.example></iframe>", text);
        Assert.Contains(document.QuerySelectorAll("main li"), li => li.TextContent.Contains("!7 <script>alert(1)</script> & [link](javascript:alert(8)) by ", StringComparison.Ordinal));
        Assert.Contains("<script>alert('in code is fine')</script>", document.QuerySelector("pre code")!.TextContent);
    }

    [Fact]
    public void Page_forbids_scripts_and_remote_requests_in_its_content_security_policy()
    {
        var document = new HtmlParser().ParseDocument(RenderHostileWeek());

        var csp = document.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!;

        Assert.StartsWith("default-src 'none';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("script-src", csp);
        Assert.Contains("; img-src data: 'self';", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_controls_in_notes_are_dropped_and_a_task_lists_checkboxes_become_ballot_boxes()
    {
        var html = new Reports.Rendering.HtmlConverter().ToHtml(
            "- [x] done\n- [ ] open\n\n<input autofocus onfocus=alert(1)> <select><option>a</option></select> <textarea>t</textarea> <button>b</button> <form><label>l</label></form> <input type=checkbox>");

        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("input, select, option, textarea, button, form, label"));
        Assert.Equal(["\u2611 done", "\u2610 open"], document.QuerySelectorAll("li.task-list-item").Select(li => li.TextContent));
    }
}
