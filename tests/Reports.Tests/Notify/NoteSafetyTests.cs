using System.Text.RegularExpressions;
using Reports.Analysis;
using Reports.Notify;

namespace Reports.Tests.Notify;

/// <summary>
/// docs/notify.md "Safety": a ticket's title and state are untrusted text. Rendered as Markdown
/// (Markdig, GitHub-style extensions) and parsed (AngleSharp), each shows as the text it is, in its
/// own cell, with no link, no markup, and nothing GitLab's reference filters or autolinker would match.
/// </summary>
public sealed partial class NoteSafetyTests
{
    public static TheoryData<string> HostileTitles =>
    [
        "@everyone #1 ~bug",
        "@all please look, cc @froklax",
        "!3 %milestone $4 &5 ~\"multi word\" group/project#12 ^footnote [vulnerability:1]",
        "Fix | pipes | and \\| an escaped pipe",
        "line one\nline two\r\n| Code | Title | Status |\n|---|---|---|",
        "<script>alert(1)</script> <img src=x onerror=alert(1)>",
        "**bold** _em_ `code` [link](https://evil.example) ![img](https://evil.example/x.png)",
        "https://evil.example/path and www.evil.example and mail@evil.example and <https://evil.example>",
        "# heading",
        "1. a list",
        "- a bullet",
        "> a quote",
        "&lt;b&gt; &amp; &#64;everyone",
        "<!-- evidence:linear-tickets --> a title holding the marker",
        "<details><summary>x</summary>",
        "ends with a backslash \\",
        "emoji :smile: and 中文 and \u202Eright-to-left",
        "SIRA-9 | SIRA-10 | Done",
    ];

    [Theory]
    [MemberData(nameof(HostileTitles))]
    public void A_hostile_title_renders_as_its_own_text_in_its_own_cell(string title)
    {
        var ticket = new LinkedTicket("SIRA-125", Found: true) { Title = title, State = "@here ~Done | #7", Url = "https://linear.app/sira/issue/SIRA-125/x" };

        var body = NotifyScenario.Renderer.Render([ticket], ["SIRA"], "!1");

        var document = NoteHtml.Document(body);
        Assert.Equal(3, document.QuerySelectorAll("table thead th").Length);
        var row = Assert.Single(NoteHtml.Rows(body));
        Assert.Equal(3, row.Length);
        Assert.Equal("SIRA-125", row[0].Text);
        Assert.Equal(Folded(title), row[1].Text);
        Assert.Equal("@here ~Done | #7", row[2].Text);
        Assert.All(row[1..], cell => Assert.Empty(cell.Element.Children));
        Assert.All(row[1..], cell => Assert.False(GitLabReferenceRegex().IsMatch(cell.Element.TextContent), cell.Element.TextContent));
        Assert.Single(document.QuerySelectorAll("a"));
        Assert.Empty(document.QuerySelectorAll("script, img, em, strong, code, h1, ol, ul, blockquote"));
        Assert.Single(document.QuerySelectorAll("details"));
        Assert.Equal(["SIRA-125"], TicketNotice.Tickets(body));
    }

    [Fact]
    public void A_title_holding_everyone_an_issue_and_a_label_reads_as_text_and_mentions_no_one()
    {
        var body = NotifyScenario.Renderer.Render([new LinkedTicket("SIRA-1", Found: true) { Title = "@everyone #1 ~bug", State = "Todo", Url = "https://linear.app/x" }], ["SIRA"], "!1");

        var cell = NoteHtml.Rows(body)[0][1];

        Assert.Equal("@everyone #1 ~bug", cell.Text);
        Assert.Contains("\\@\u2060everyone \\#\u20601 \\~\u2060bug", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(GitLabReferenceRegex(), cell.Element.TextContent);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "#")]
    [InlineData("ftp://linear.app/x", "#")]
    [InlineData("not a url", "#")]
    [InlineData("https://linear.app/sira/issue/SIRA-1/a|b (c)", "https://linear.app/sira/issue/SIRA-1/a%7Cb%20%28c%29")]
    [InlineData("https://linear.app/sira/issue/SIRA-1/ünï", "https://linear.app/sira/issue/SIRA-1/%C3%BCn%C3%AF")]
    public void A_link_is_http_only_and_cannot_end_its_cell_or_its_link(string url, string expected) =>
        Assert.Equal(expected, GitLabMarkdown.Url(url));

    [Fact]
    public void A_very_long_title_is_cut_with_an_ellipsis()
    {
        var text = GitLabMarkdown.Text(new string('a', 5000));

        Assert.Equal(1001, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_that_would_pass_GitLabs_limit_leaves_out_its_last_rows_and_says_how_many()
    {
        var tickets = Enumerable.Range(1, 1200)
            .Select(n => new LinkedTicket($"SIRA-{n}", Found: true) { Title = new string('t', 1000), State = "Todo", Url = $"https://linear.app/sira/issue/SIRA-{n}" })
            .ToList();

        var body = NotifyScenario.Renderer.Render(tickets, ["SIRA"], "!1");

        Assert.True(body.Length <= TicketNoteRenderer.GitLabNoteLimit, $"{body.Length} characters");
        var shown = NoteHtml.Rows(body).Count;
        Assert.InRange(shown, 800, 1199);
        Assert.Equal(shown, TicketNotice.Tickets(body)!.Count);
        Assert.Contains($"{1200 - shown} more tickets were left out to keep this note under GitLab's limit of 1000000 characters.", body, StringComparison.Ordinal);
        Assert.EndsWith($"and {1200 - shown} more", NoteHtml.Summary(body), StringComparison.Ordinal);

        // As many rows as fit: a row is about 1,100 characters, so the note is within two rows of the limit.
        Assert.True(body.Length > TicketNoteRenderer.GitLabNoteLimit - 2500, $"{body.Length} characters");
    }

    [Fact]
    public void A_note_with_no_ticket_says_so_and_is_still_a_ticket_notice()
    {
        var body = NotifyScenario.Renderer.Render([], ["SIRA"], "!7");

        Assert.Equal("Linear tickets: none linked", NoteHtml.Summary(body));
        Assert.Contains("No Linear ticket of SIRA is linked to !7", body, StringComparison.Ordinal);
        Assert.Empty(NoteHtml.Document(body).QuerySelectorAll("table"));
        Assert.Equal([], TicketNotice.Tickets(body));
    }

    /// <summary>What a renderer shows of a title: line breaks and other control characters as single spaces.</summary>
    private static string Folded(string title) => WhitespaceRegex().Replace(Regex.Replace(title, @"\p{Cc}", " "), " ").Trim();

    /// <summary>
    /// GitLab's reference and autolink patterns, loosely: a sigil directly followed by a name or number
    /// (user, issue, merge request, label, milestone, snippet, epic), a URL scheme, www., an e-mail address.
    /// </summary>
    [GeneratedRegex(@"[@#!~%$&^][\p{L}\p{N}_""]|[A-Za-z][A-Za-z0-9+.-]*://|www\.|\w@\w", RegexOptions.IgnoreCase)]
    private static partial Regex GitLabReferenceRegex();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex WhitespaceRegex();
}
