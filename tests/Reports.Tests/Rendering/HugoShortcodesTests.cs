using Reports.Rendering;
using Reports.Tests.Support;

namespace Reports.Tests.Rendering;

/// <summary>No text from GitLab or Linear forms a Hugo shortcode; code still prints as written.</summary>
public sealed class HugoShortcodesTests
{
    private const string Zwsp = "\u200B";

    [Theory]
    [InlineData("{{< ref \"x\" >}}", "{{</* ref \"x\" */>}}")]
    [InlineData("{{% ref \"x\" %}}", "{{%/* ref \"x\" */%}}")]
    [InlineData("a {{< youtube abc >}} b {{% x %}} c", "a {{</* youtube abc */>}} b {{%/* x */%}} c")]
    [InlineData("{{</* ref \"x\" */>}}", "{{</*/* ref \"x\" */*/>}}")]
    [InlineData("{{< a\nb >}}", "{{</* a\nb */>}}")]
    [InlineData("{{<>}}", "{{</**/>}}")]
    public void A_complete_shortcode_in_code_becomes_a_comment_that_hugo_prints_as_written(string code, string expected)
    {
        var written = HugoShortcodes.InCode(code);

        Assert.Equal(expected, written);
        Assert.Equal(code, HugoLexer.Print(written));
    }

    [Theory]
    [InlineData("{{<", "{{" + Zwsp + "<")]
    [InlineData("x {{% ref", "x {{" + Zwsp + "% ref")]
    [InlineData("{{</* never closed", "{{" + Zwsp + "</* never closed")]
    [InlineData("{{< a %}}", "{{" + Zwsp + "< a %}}")]
    public void An_unclosed_shortcode_in_code_gets_a_zero_width_space_after_its_braces(string code, string expected)
    {
        var written = HugoShortcodes.InCode(code);

        Assert.Equal(expected, written);
        Assert.Equal(code, HugoLexer.Print(written)!.Replace(Zwsp, "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_divider_in_code_does_not_cut_the_page()
    {
        Assert.Equal("<!--" + Zwsp + "more-->", HugoShortcodes.InCode("<!--more-->"));
        Assert.Equal("a <!--" + Zwsp + "more--> {{{{" + Zwsp + "<", HugoShortcodes.Neutralise("a <!--more--> {{{{<"));
    }

    [Fact]
    public void Code_without_braces_is_returned_unchanged()
    {
        const string Code = "if (a < b) { return \"%\"; }";

        Assert.Same(Code, HugoShortcodes.InCode(Code));
        Assert.Same(Code, HugoShortcodes.Neutralise(Code));
    }

    [Fact]
    public void Every_short_string_of_braces_and_marks_prints_as_written_and_forms_no_shortcode()
    {
        // Every string up to six characters over the characters the lexer looks at, then longer random ones.
        const string Alphabet = "{}<>%/*x";
        var strings = Enumerable.Range(0, 7).SelectMany(length => All(Alphabet, length));
        var random = new Random(18);
        strings = strings.Concat(Enumerable.Range(0, 20_000).Select(_ => new string([.. Enumerable.Range(0, random.Next(7, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)])])));

        foreach (var code in strings)
        {
            var printed = HugoLexer.Print(HugoShortcodes.InCode(code));
            Assert.True(printed is not null, $"'{code}' forms a shortcode or an unclosed comment");
            Assert.Equal(code, printed.Replace(Zwsp, "", StringComparison.Ordinal));
            Assert.NotNull(HugoLexer.Print(HugoShortcodes.Neutralise(code)));
        }
    }

    private static IEnumerable<string> All(string alphabet, int length) =>
        length == 0 ? [""] : All(alphabet, length - 1).SelectMany(prefix => alphabet.Select(c => prefix + c));
}
