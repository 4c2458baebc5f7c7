using System.Text;

namespace Reports.Tests.Support;

/// <summary>
/// A model of what Hugo's page lexer (gohugoio/hugo <c>parser/pageparser/pagelexer_shortcode.go</c>)
/// does with a page's content, code included, before Goldmark reads it: a shortcode opens at the
/// exact bytes <c>{{&lt;</c> or <c>{{%</c>; one followed by <c>/*</c> is a comment that runs to the
/// first <c>*/&gt;}}</c> (<c>*/%}}</c>) at least two characters on, and is printed without its marks;
/// a comment without that end fails the build.
/// </summary>
internal static class HugoLexer
{
    /// <summary>The text Hugo hands to Markdown, or null where it would read a shortcode or fail.</summary>
    public static string? Print(string content)
    {
        var printed = new StringBuilder(content.Length);
        var i = 0;
        for (var at = content.IndexOf("{{", StringComparison.Ordinal); at >= 0; at = content.IndexOf("{{", i, StringComparison.Ordinal))
        {
            if (at + 2 >= content.Length || content[at + 2] is not ('<' or '%'))
            {
                printed.Append(content, i, at + 1 - i);
                i = at + 1;
                continue;
            }

            var mark = content[at + 2];
            if (string.CompareOrdinal(content, at + 3, "/*", 0, 2) != 0)
            {
                return null;
            }

            var close = mark == '<' ? "*/>}}" : "*/%}}";
            var end = content.IndexOf(close, at + 3, StringComparison.Ordinal);
            if (end - (at + 3) <= 1)
            {
                return null;
            }

            printed.Append(content, i, at + 3 - i).Append(content, at + 5, end - at - 5).Append(close.AsSpan(2));
            i = end + close.Length;
        }

        return printed.Append(content, i, content.Length - i).ToString();
    }
}
