using Reports.Rendering;

namespace Reports.Tests.Rendering;

/// <summary>Where a link in a GitLab comment may lead: web and mail only, relative ones as on GitLab's page.</summary>
public sealed class RemoteLinksTests
{
    private const string MergeRequest = "https://gitlab.example.ac.id/ppl/sira-backend/-/merge_requests/7";

    [Theory]
    [InlineData("JaVaScRiPt:alert(3)")]
    [InlineData("javascript:alert(3)")]
    [InlineData(" \u0001javascript:alert(3)")]
    [InlineData("java\tscr\nipt:alert(3)")]
    [InlineData("VBScript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example/x")]
    public void Another_scheme_in_any_letter_case_leads_nowhere(string url)
    {
        Assert.Null(RemoteLinks.Resolve(url, MergeRequest));
    }

    [Theory]
    [InlineData("https://example.org/a?b=1#c")]
    [InlineData("HTTP://example.org/")]
    [InlineData("MailTo:someone@example.org")]
    public void Web_and_mail_links_are_kept_as_written(string url)
    {
        Assert.Equal(url, RemoteLinks.Resolve(url, baseUrl: null));
    }

    [Theory]
    [InlineData("/uploads/0123abcd/screenshot.png", "https://gitlab.example.ac.id/ppl/sira-backend/uploads/0123abcd/screenshot.png")]
    [InlineData("#note_42", MergeRequest + "#note_42")]
    [InlineData("../../issues/3", "https://gitlab.example.ac.id/ppl/sira-backend/issues/3")]
    [InlineData("8", "https://gitlab.example.ac.id/ppl/sira-backend/-/merge_requests/8")]
    [InlineData("/explore", "https://gitlab.example.ac.id/explore")]
    [InlineData("//other.example/x", "https://other.example/x")]
    [InlineData("", MergeRequest)]
    public void A_relative_link_leads_where_it_led_on_the_merge_requests_page(string url, string expected)
    {
        Assert.Equal(expected, RemoteLinks.Resolve(url, MergeRequest));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(7)")]
    [InlineData("ppl/sira-backend")]
    public void A_relative_link_without_a_web_page_to_resolve_against_leads_nowhere(string? baseUrl)
    {
        Assert.Null(RemoteLinks.Resolve("/uploads/a/b.png", baseUrl));
        Assert.Null(RemoteLinks.Resolve("#note_1", baseUrl));
    }

    [Fact]
    public void Encoding_leaves_nothing_that_ends_a_destination_or_opens_a_shortcode()
    {
        Assert.Equal("https://x.example/%7B%7B%25%7D%7D", RemoteLinks.Encode("https://x.example/{{%25}}"));
        Assert.Equal("https://x.example/a%20b%28c%29%3C%3E%22%5C%7C%60", RemoteLinks.Encode("https://x.example/a b(c)<>\"\\|`"));
        Assert.Equal("https://x.example/%E2%80%AEtxt.exe", RemoteLinks.Encode("https://x.example/\u202Etxt.exe"));
        Assert.Equal("https://x.example/?a=1\\&amp;b=2&c", RemoteLinks.Encode("https://x.example/?a=1&amp;b=2&c"));
    }

    [Theory]
    [InlineData("[y](JaVaScRiPt:alert(1))", "[y](\u200BJaVaScRiPt:alert(1))")]
    [InlineData("![y](  <vbscript:x>)", "![y](  <\u200Bvbscript:x>)")]
    [InlineData("[y](&#74;avascript&#58;alert(1))", "[y](\u200B&#74;avascript&#58;alert(1))")]
    [InlineData("[y](java\tscript:alert(1))", "[y](\u200Bjava\tscript:alert(1))")]
    [InlineData("[r]:\n  data:text/html,x", "[r]:\n  \u200Bdata:text/html,x")]
    [InlineData("<JaVaScRiPt:alert(2)>", "<\u200BJaVaScRiPt:alert(2)>")]
    public void In_code_a_script_destination_gets_a_zero_width_space_so_a_misread_link_is_relative(string code, string expected)
    {
        Assert.Equal(expected, RemoteLinks.DefuseInCode(code));
    }

    [Theory]
    [InlineData("std::vector<std::string> v; auto x = a[i](y); // key: value")]
    [InlineData("[docs](https://example.org/a:b) and [mail](mailto:a@b.c) and <https://x.example>")]
    [InlineData("if (a < b) { return c[d]: e; }")]
    public void Ordinary_code_and_web_links_in_code_are_left_exactly_as_written(string code)
    {
        Assert.Same(code, RemoteLinks.DefuseInCode(code));
    }
}
